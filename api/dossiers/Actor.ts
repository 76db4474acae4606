import { AsyncLocalStorage } from 'node:async_hooks';

/** Who causes a change: an officer (or other account), an applicant without an account, or the system (timers, jobs). */
export interface Actor {
  readonly kind: 'officer' | 'designer' | 'auditor' | 'admin' | 'citizen' | 'system';
  /** Account name; for applicants `citizen`, for the system `system`. */
  readonly username: string;
  readonly fullName: string;
  readonly agencyId: string | null;
  readonly roles: readonly string[];
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', username: 'system', fullName: 'Hệ thống', agencyId: null, roles: [] };

export function citizenActor(name: string): Actor {
  return { kind: 'citizen', username: 'citizen', fullName: name, agencyId: null, roles: [] };
}

/**
 * The actor of the command being run. Engine events reach the projection inside
 * the command's transaction but without the caller's arguments; this carries
 * who acted to the status changes the projection makes.
 */
export const commandScope = new AsyncLocalStorage<{ readonly actor: Actor }>();

export function currentActor(): Actor {
  return commandScope.getStore()?.actor ?? SYSTEM_ACTOR;
}

/** How the audit log names an actor; applicants are named without their identity number. */
export function auditName(actor: Actor): string {
  return actor.kind === 'citizen' ? `citizen:${actor.fullName}` : actor.username;
}
