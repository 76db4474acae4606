import { AppError } from '../errors.js';
import type { Catalogue } from '../catalogue/index.js';
import type { Actor } from './Actor.js';
import type { TaskRecord } from './DossierRecord.js';

/**
 * Authorisation lives in the queries: every read of dossiers or tasks adds the
 * caller's predicate, so a list, a count or a detail view cannot show another
 * agency's work. Officers see their agency's dossiers (received there or with a
 * step there) and steps assigned to them; auditors read their agency's subtree;
 * administrators read everything.
 */
export function dossierPredicate(actor: Actor, catalogue: Catalogue, params: unknown[], alias = 'd'): string {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (actor.kind) {
    case 'admin':
      return 'true';
    case 'auditor': {
      if (!actor.agencyId) return 'true';
      const agencies = add(catalogue.subtree(actor.agencyId));
      return `(${alias}.receiving_agency_id = ANY(${agencies}::text[]) OR EXISTS (SELECT 1 FROM dossier_tasks vt WHERE vt.dossier_id = ${alias}.id AND vt.agency_id = ANY(${agencies}::text[])))`;
    }
    case 'officer': {
      if (!actor.agencyId) return 'false';
      const agency = add(actor.agencyId);
      const user = add(actor.username);
      return `(${alias}.receiving_agency_id = ${agency} OR EXISTS (SELECT 1 FROM dossier_tasks vt WHERE vt.dossier_id = ${alias}.id AND (vt.agency_id = ${agency} OR vt.assignee = ${user})))`;
    }
    default:
      return 'false';
  }
}

/** Steps an officer may see in lists: their agency's steps for their roles, and steps assigned to them. */
export function taskPredicate(actor: Actor, catalogue: Catalogue, params: unknown[], alias = 't'): string {
  return anyOf(taskPredicateBranches(actor, catalogue, params, alias));
}

/** SQL alternatives as one condition. */
export function anyOf(branches: readonly string[]): string {
  return branches.length === 1 ? branches[0]! : `(${branches.join(' OR ')})`;
}

/**
 * The same predicate as alternatives whose union it is, so a list can read each
 * one in index order (an officer's agency-and-role steps, and the steps assigned
 * to them) instead of sorting everything either one matches.
 */
export function taskPredicateBranches(actor: Actor, catalogue: Catalogue, params: unknown[], alias = 't'): string[] {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (actor.kind) {
    case 'admin':
      return ['true'];
    case 'auditor':
      return [actor.agencyId ? `${alias}.agency_id = ANY(${add(catalogue.subtree(actor.agencyId))}::text[])` : 'true'];
    case 'officer':
      if (!actor.agencyId) return [`${alias}.assignee = ${add(actor.username)}`];
      return [`(${alias}.agency_id = ${add(actor.agencyId)} AND ${alias}.role = ANY(${add([...actor.roles])}::text[]))`, `${alias}.assignee = ${add(actor.username)}`];
    default:
      return ['false'];
  }
}

/** Whether an officer may work a step: the step's agency and role, or it is assigned to them. */
export function assertMayWork(actor: Actor, task: TaskRecord): void {
  if (actor.kind !== 'officer') throw new AppError('FORBIDDEN', 'Chỉ cán bộ xử lý hồ sơ mới được thực hiện bước này.');
  if (task.assignee === actor.username) return;
  if (task.agencyId !== actor.agencyId) throw new AppError('NOT_FOUND', 'Không tìm thấy công việc.');
  if (!actor.roles.includes(task.role)) {
    throw new AppError('FORBIDDEN', `Bước «${task.name}» do cán bộ có vai trò «${roleLabel(task.role)}» thực hiện.`);
  }
}

/** Roles that hand an agency's steps to colleagues: leaders assign the work, the desk routes the dossiers it received. */
export const REASSIGNING_ROLES: readonly string[] = ['leader', 'desk'];

/**
 * Whether an officer may give a step to someone else: a leader or desk officer of the
 * step's agency, whoever holds the step now. A step of another agency is not found.
 */
export function assertMayReassign(actor: Actor, task: TaskRecord): void {
  assertOfficer(actor, REASSIGNING_ROLES);
  if (task.agencyId !== actor.agencyId) throw new AppError('NOT_FOUND', 'Không tìm thấy công việc.');
}

export const ROLE_LABELS: Record<string, string> = { desk: 'Một cửa', specialist: 'Chuyên viên', leader: 'Lãnh đạo' };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

export function assertOfficer(actor: Actor, roles?: readonly string[]): void {
  if (actor.kind !== 'officer') throw new AppError('FORBIDDEN', 'Chỉ cán bộ xử lý hồ sơ mới được thực hiện thao tác này.');
  if (roles && !roles.some((r) => actor.roles.includes(r))) {
    throw new AppError('FORBIDDEN', `Thao tác này dành cho cán bộ có vai trò ${roles.map((r) => `«${roleLabel(r)}»`).join(' hoặc ')}.`);
  }
}
