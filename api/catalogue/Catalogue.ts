import { AppError } from '../errors.js';
import type { Agency, ProcedureMetadata } from './types.js';

export interface ProcedureVersion {
  readonly code: string;
  readonly version: number;
  readonly metadata: ProcedureMetadata;
  readonly processId: string;
  readonly processKey: string;
}

/**
 * The catalogue as the desks see it: the agency tree and every procedure
 * version, held in memory (a few hundred rows) and reloaded after imports.
 */
export class Catalogue {
  private readonly agencies: ReadonlyMap<string, Agency>;
  private readonly children = new Map<string, Agency[]>();
  private readonly latest: ReadonlyMap<string, ProcedureVersion>;
  private readonly versions: ReadonlyMap<string, ProcedureVersion>;

  constructor(agencies: readonly Agency[], versions: readonly ProcedureVersion[], latestVersions: ReadonlyMap<string, number>) {
    this.agencies = new Map(agencies.map((a) => [a.id, a]));
    for (const agency of agencies) {
      if (agency.parentId) this.children.set(agency.parentId, [...(this.children.get(agency.parentId) ?? []), agency]);
    }
    this.versions = new Map(versions.map((v) => [`${v.code}@${v.version}`, v]));
    this.latest = new Map(
      versions.filter((v) => latestVersions.get(v.code) === v.version).map((v) => [v.code, v]),
    );
  }

  agency(id: string): Agency | undefined {
    return this.agencies.get(id);
  }

  requireAgency(id: string): Agency {
    const agency = this.agencies.get(id);
    if (!agency) throw new AppError('NOT_FOUND', `Không tìm thấy cơ quan «${id}».`);
    return agency;
  }

  listAgencies(): Agency[] {
    return [...this.agencies.values()];
  }

  parentOf(id: string): Agency | undefined {
    const parentId = this.agencies.get(id)?.parentId;
    return parentId ? this.agencies.get(parentId) : undefined;
  }

  /** The agency and everything below it. */
  subtree(id: string): string[] {
    const ids: string[] = [];
    const walk = (agencyId: string) => {
      ids.push(agencyId);
      for (const child of this.children.get(agencyId) ?? []) walk(child.id);
    };
    if (this.agencies.has(id)) walk(id);
    return ids;
  }

  /**
   * Which agency works a step: `receiving` is the receiving agency itself; any
   * other value is a kind, found nearest to the receiving agency — among its own
   * descendants first, then among the descendants of each ancestor in turn — so
   * "commune-police" from a commune desk is that commune's police.
   */
  resolveAgency(receivingAgencyId: string, spec: string | undefined): Agency {
    const receiving = this.requireAgency(receivingAgencyId);
    if (!spec || spec === 'receiving') return receiving;
    let scope: Agency | undefined = receiving;
    while (scope) {
      const found = this.nearestOfKind(scope.id, spec);
      if (found) return found;
      scope = scope.parentId ? this.agencies.get(scope.parentId) : undefined;
    }
    throw new AppError('NOT_FOUND', `Không tìm thấy cơ quan loại «${spec}» để xử lý hồ sơ nhận tại «${receiving.name}».`);
  }

  private nearestOfKind(rootId: string, kind: string): Agency | undefined {
    const queue = [rootId];
    while (queue.length) {
      const agency = this.agencies.get(queue.shift()!)!;
      if (agency.kind === kind) return agency;
      queue.push(...(this.children.get(agency.id) ?? []).map((c) => c.id));
    }
    return undefined;
  }

  listProcedures(): ProcedureVersion[] {
    return [...this.latest.values()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name, 'vi'));
  }

  procedure(code: string): ProcedureVersion | undefined {
    return this.latest.get(code);
  }

  requireProcedure(code: string): ProcedureVersion {
    const procedure = this.latest.get(code);
    if (!procedure) throw new AppError('NOT_FOUND', `Không tìm thấy thủ tục «${code}».`);
    return procedure;
  }

  procedureVersion(code: string, version: number): ProcedureVersion {
    const found = this.versions.get(`${code}@${version}`);
    if (!found) throw new AppError('NOT_FOUND', `Không tìm thấy phiên bản ${version} của thủ tục «${code}».`);
    return found;
  }

  /** Agencies whose desk may receive the procedure, in the procedure's order of kinds. */
  receivingAgencies(procedure: ProcedureMetadata): Agency[] {
    return procedure.receivingAgencyKinds.flatMap((kind) =>
      [...this.agencies.values()].filter((a) => a.kind === kind && a.receivesDossiers),
    );
  }
}
