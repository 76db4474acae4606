import type { ExecutableProcess } from '../model/types.js';
import type { Db } from '../store/Db.js';
import { findLatestProcess, findProcessByKey, type ProcessRow } from '../store/ProcessStore.js';
import type { ProcessDefinition } from './ports.js';

/**
 * Deployed process versions this engine process has seen, by key. A version
 * never changes once deployed, so entries never go stale; which version is
 * the latest is always asked of the database.
 */
export class Definitions {
  private readonly byKey = new Map<string, ProcessDefinition>();

  get(key: string): ProcessDefinition | undefined {
    return this.byKey.get(key);
  }

  async load(db: Db, key: string): Promise<ProcessDefinition | undefined> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const row = await findProcessByKey(db, key);
    return row ? this.remember(row) : undefined;
  }

  async latest(db: Db, processId: string): Promise<ProcessDefinition | undefined> {
    const row = await findLatestProcess(db, processId);
    if (!row) return undefined;
    return this.byKey.get(row.key) ?? this.remember(row);
  }

  add(definition: ProcessDefinition): void {
    this.byKey.set(definition.key, definition);
  }

  private remember(row: ProcessRow): ProcessDefinition {
    const definition: ProcessDefinition = { key: row.key, processId: row.processId, version: row.version, model: row.model as ExecutableProcess };
    this.byKey.set(row.key, definition);
    return definition;
  }
}
