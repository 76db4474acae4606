import type { ProcedureVersion } from '../catalogue/index.js';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';

export interface ProcedureSummary {
  readonly code: string;
  readonly name: string;
  readonly field: string;
  readonly latestVersion: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface VersionEntry {
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string | null;
}

interface VersionRow {
  code: string;
  version: number;
  imported_at: Date | string;
  imported_by: string;
  note: string | null;
}

/** Every procedure of the catalogue with who deployed its latest version, and when. */
export async function listDesignerProcedures(services: Services): Promise<ProcedureSummary[]> {
  const { rows } = await services.db.query<VersionRow>(
    `SELECT v.code, v.version, v.imported_at, v.imported_by, v.note
     FROM procedures p JOIN procedure_versions v ON v.code = p.code AND v.version = p.latest_version WHERE p.active`,
  );
  const latest = new Map(rows.map((r) => [r.code, r]));
  return services
    .catalogue()
    .listProcedures()
    .map((p) => ({
      code: p.code,
      name: p.metadata.name,
      field: p.metadata.field,
      latestVersion: p.version,
      updatedAt: isoOf(latest.get(p.code)?.imported_at),
      updatedBy: latest.get(p.code)?.imported_by ?? 'system',
    }));
}

/** A procedure's version (the latest by default) with its history, model and submission form. */
export async function readProcedureVersion(services: Services, code: string, version?: number) {
  const procedure = requireVersion(services, code, version);
  const { rows } = await services.db.query<VersionRow>(
    'SELECT code, version, imported_at, imported_by, note FROM procedure_versions WHERE code = $1 ORDER BY version',
    [code],
  );
  const formId = procedure.metadata.submissionForm;
  return {
    code,
    version: procedure.version,
    versions: rows.map((r): VersionEntry => ({ version: r.version, createdAt: isoOf(r.imported_at), createdBy: r.imported_by, note: r.note })),
    metadata: procedure.metadata,
    bpmn: await versionXml(services, procedure),
    form: { id: formId, schema: services.forms.has(formId) ? services.forms.schema(formId) : null },
  };
}

/** A version of a procedure that is in the catalogue; 404 for an unknown code or version. */
export function requireVersion(services: Services, code: string, version?: number): ProcedureVersion {
  const catalogue = services.catalogue();
  const latest = catalogue.requireProcedure(code);
  return version === undefined ? latest : catalogue.procedureVersion(code, version);
}

/** The BPMN XML the version was deployed from, as the engine keeps it. */
export async function versionXml(services: Services, procedure: ProcedureVersion): Promise<string> {
  const xml = await services.engine.processXml(procedure.processKey);
  if (xml === undefined) throw new AppError('NOT_FOUND', `Không tìm thấy mô hình BPMN của phiên bản ${procedure.version} thủ tục «${procedure.code}».`);
  return xml;
}

/** A version number from a query or path parameter; 400 when it is not a positive integer. */
export function versionNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new AppError('BAD_REQUEST', `Tham số «${name}» phải là số phiên bản (số nguyên dương), nhưng nhận được «${text}».`);
  return Number(text);
}

function isoOf(value: Date | string | undefined): string {
  if (value === undefined) return '';
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
