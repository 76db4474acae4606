/**
 * The procedure designer's server side: reading versions, checking drafts,
 * test runs, deploys and differences between versions.
 */
export { checkDraft, PROCEDURE_CODE, type Draft, type DraftCheck } from './checkDraft.js';
export { conventionProblems, type ConventionContext, type ElementProblem } from './checkConventions.js';
export { deployVersion, type DeployRequest } from './deployVersion.js';
export { designerFormId, registerStoredForms } from './designerForms.js';
export { diffVersions, type VersionDiff } from './diffVersions.js';
export { listDesignerProcedures, readProcedureVersion, requireVersion, versionNumber, versionXml, type ProcedureSummary, type VersionEntry } from './procedureVersions.js';
export { MAX_STEPS } from './scenarioSteps.js';
export { simulateDraft, type OpenChoice, type SimulationRequest, type SimulationTrace } from './simulateDraft.js';
export { stepOutcomes } from './stepOutcomes.js';
