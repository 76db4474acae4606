import type { Catalogue } from '../../catalogue/index.js';
import type { Agency } from '../../catalogue/types.js';
import type { Actor } from '../../dossiers/index.js';
import { reportableRoot } from '../../reports/ReportScope.js';

/** A unit as the unit picker lists it: indented under its parent. */
export interface UnitOption {
  readonly id: string;
  readonly name: string;
  readonly depth: number;
}

export interface CatalogueOptions {
  /** The units the person may report on, in tree order; the first is the default. */
  readonly units: readonly UnitOption[];
  readonly procedures: readonly { readonly code: string; readonly name: string }[];
  readonly fields: readonly string[];
}

/** What the filter form offers this person: their part of the agency tree, and the catalogue's procedures and fields. */
export function catalogueOptions(actor: Actor, catalogue: Catalogue): CatalogueOptions {
  const root = reportableRoot(actor, catalogue);
  const tops = root === 'all' ? catalogue.listAgencies().filter((a) => a.parentId === null) : [root];
  const procedures = catalogue
    .listProcedures()
    .map((p) => ({ code: p.code, name: p.metadata.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const fields = [...new Set(catalogue.listProcedures().map((p) => p.metadata.field))].sort((a, b) => a.localeCompare(b, 'vi'));
  return { units: tops.flatMap((top) => unitTree(catalogue, top)), procedures, fields };
}

function unitTree(catalogue: Catalogue, top: Agency): UnitOption[] {
  return catalogue.subtree(top.id).map((id) => ({ id, name: catalogue.requireAgency(id).name, depth: depthBelow(catalogue, id, top.id) }));
}

/** How many steps down from `topId` the unit sits; every unit of its subtree reaches it through its parents. */
function depthBelow(catalogue: Catalogue, id: string, topId: string): number {
  let depth = 0;
  for (let current = id; current !== topId; current = catalogue.parentOf(current)!.id) depth += 1;
  return depth;
}
