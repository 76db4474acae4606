export { flattenAgencyTree } from './agencyTree.js';
export { Catalogue, type ProcedureVersion } from './Catalogue.js';
export { importProcedure, importProcedures, importProcedureVersion, loadCatalogue, syncAgencies, type ImportedProcedure } from './importCatalogue.js';
export { procedureMetadataProblems, validateProcedureMetadata } from './validateProcedure.js';
export type { Agency, AgencyConfig, AgencyLevel, ProcedureComponent, ProcedureFee, ProcedureMetadata } from './types.js';
