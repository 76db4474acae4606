import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError, type Db, type Engine } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { flattenAgencyTree } from './agencyTree.js';
import { Catalogue, type ProcedureVersion } from './Catalogue.js';
import type { Agency, AgencyConfig, ProcedureMetadata } from './types.js';
import { validateProcedureMetadata } from './validateProcedure.js';

export interface ImportedProcedure {
  readonly code: string;
  readonly version: number;
  /** False when the folder is unchanged since the last import. */
  readonly isNew: boolean;
}

/** Insert or update the configured agencies; agencies no longer configured are kept (old dossiers point at them). */
export async function syncAgencies(db: Db, tree: AgencyConfig): Promise<Agency[]> {
  const agencies = flattenAgencyTree(tree);
  await db.transaction(async (tx) => {
    for (const a of agencies) {
      await tx.query(
        `INSERT INTO agencies (id, parent_id, unit_code, name, level, kind, address, email, phone, receives_dossiers, active, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, now())
         ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, unit_code = EXCLUDED.unit_code, name = EXCLUDED.name,
           level = EXCLUDED.level, kind = EXCLUDED.kind, address = EXCLUDED.address, email = EXCLUDED.email, phone = EXCLUDED.phone,
           receives_dossiers = EXCLUDED.receives_dossiers, active = true, updated_at = now()
         WHERE (agencies.parent_id, agencies.unit_code, agencies.name, agencies.level, agencies.kind, agencies.address, agencies.email,
                agencies.phone, agencies.receives_dossiers, agencies.active)
           IS DISTINCT FROM (EXCLUDED.parent_id, EXCLUDED.unit_code, EXCLUDED.name, EXCLUDED.level, EXCLUDED.kind, EXCLUDED.address,
                EXCLUDED.email, EXCLUDED.phone, EXCLUDED.receives_dossiers, true)`,
        [a.id, a.parentId, a.unitCode, a.name, a.level, a.kind, a.address, a.email, a.phone, a.receivesDossiers],
      );
    }
  });
  return agencies;
}

/**
 * Import one procedure folder. Idempotent: an unchanged folder keeps its
 * version; a changed metadata file or model gets a new version, while dossiers
 * already running stay on theirs (the engine pins instances to their model).
 */
export async function importProcedure(db: Db, engine: Engine, folder: string, actor = 'system'): Promise<ImportedProcedure> {
  const code = folder.split(/[\\/]/).pop()!;
  const raw = JSON.parse(await readFile(join(folder, 'procedure.json'), 'utf8')) as unknown;
  const checked = validateProcedureMetadata(raw, code);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', `Thủ tục «${code}» không hợp lệ: ${checked.problems.join(' ')}`);
  const xml = await readFile(join(folder, checked.metadata.bpmn), 'utf8');
  const unchanged = await unchangedSinceLastImport(db, checked.metadata, xml, actor);
  return unchanged ?? importProcedureVersion(db, engine, checked.metadata, xml, actor);
}

/**
 * A folder imported before and deployed over from the designer since: the later
 * versions stand, so a restart does not put the folder's older content back.
 */
async function unchangedSinceLastImport(db: Db, metadata: ProcedureMetadata, xml: string, actor: string): Promise<ImportedProcedure | undefined> {
  const { rows } = await db.query<{ checksum: string; latest_version: number }>(
    `SELECT v.checksum, p.latest_version FROM procedure_versions v JOIN procedures p ON p.code = v.code
     WHERE v.code = $1 AND v.imported_by = $2 ORDER BY v.version DESC LIMIT 1`,
    [metadata.code, actor],
  );
  const last = rows[0];
  return last?.checksum === procedureChecksum(metadata, xml) ? { code: metadata.code, version: last.latest_version, isNew: false } : undefined;
}

function procedureChecksum(metadata: ProcedureMetadata, xml: string): string {
  return createHash('sha256').update(JSON.stringify(metadata)).update('\n').update(xml).digest('hex');
}

export async function importProcedureVersion(db: Db, engine: Engine, metadata: ProcedureMetadata, xml: string, actor: string): Promise<ImportedProcedure> {
  const checksum = procedureChecksum(metadata, xml);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`procedure:${metadata.code}`]);
    const { rows } = await tx.query<{ version: number; checksum: string }>(
      `SELECT v.version, v.checksum FROM procedures p JOIN procedure_versions v ON v.code = p.code AND v.version = p.latest_version WHERE p.code = $1`,
      [metadata.code],
    );
    if (rows[0]?.checksum === checksum) return { code: metadata.code, version: rows[0].version, isNew: false };
    let deployed;
    try {
      deployed = await engine.deploy(xml, `${metadata.code}/${metadata.bpmn}`, { tx });
    } catch (error) {
      if (error instanceof EngineError && error.details.problems) {
        const problems = error.details.problems as readonly { elementId: string; message: string }[];
        throw new AppError('VALIDATION_FAILED', `Mô hình BPMN của thủ tục «${metadata.code}» không hợp lệ.`, {
          fields: problems.map((p) => ({ path: `/bpmn/${p.elementId}`, message: p.message })),
        });
      }
      throw error;
    }
    const process = deployed.find((p) => p.processId === metadata.processId);
    if (!process) {
      throw new AppError('VALIDATION_FAILED', `Mô hình của thủ tục «${metadata.code}» không có quy trình «${metadata.processId}».`);
    }
    const version = (rows[0]?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO procedures (code, latest_version) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET latest_version = EXCLUDED.latest_version`,
      [metadata.code, version],
    );
    await tx.query(
      `INSERT INTO procedure_versions (code, version, checksum, metadata, process_id, process_key, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [metadata.code, version, checksum, JSON.stringify(metadata), process.processId, process.key, actor],
    );
    return { code: metadata.code, version, isNew: true };
  });
}

/** Import every folder of `dir` that holds a procedure.json, in name order. */
export async function importProcedures(db: Db, engine: Engine, dir: string): Promise<ImportedProcedure[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const imported: ImportedProcedure[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = join(dir, entry.name);
    const files = await readdir(folder);
    if (files.includes('procedure.json')) imported.push(await importProcedure(db, engine, folder));
  }
  return imported;
}

export async function loadCatalogue(db: Db): Promise<Catalogue> {
  const agencies = await db.query<Record<string, unknown>>('SELECT * FROM agencies ORDER BY id');
  const versions = await db.query<{ code: string; version: number; metadata: ProcedureMetadata; process_id: string; process_key: string }>(
    'SELECT code, version, metadata, process_id, process_key FROM procedure_versions ORDER BY code, version',
  );
  const latest = await db.query<{ code: string; latest_version: number }>('SELECT code, latest_version FROM procedures WHERE active');
  return new Catalogue(
    agencies.rows.map((r) => ({
      id: r.id as string,
      parentId: (r.parent_id as string | null) ?? null,
      unitCode: r.unit_code as string,
      name: r.name as string,
      level: r.level as Agency['level'],
      kind: r.kind as string,
      address: (r.address as string | null) ?? null,
      email: (r.email as string | null) ?? null,
      phone: (r.phone as string | null) ?? null,
      receivesDossiers: r.receives_dossiers as boolean,
    })),
    versions.rows.map(
      (r): ProcedureVersion => ({ code: r.code, version: r.version, metadata: r.metadata, processId: r.process_id, processKey: r.process_key }),
    ),
    new Map(latest.rows.map((r) => [r.code, r.latest_version])),
  );
}
