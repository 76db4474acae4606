/** Who works in the system. Citizens have no accounts; they are not users. */
export const USER_KINDS = ['officer', 'designer', 'auditor', 'admin'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/** What an officer does at the desk: receive dossiers, appraise them, or sign decisions. */
export const OFFICER_ROLES = ['desk', 'specialist', 'leader'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** An account as the application sees it: never with its password hash. */
export interface User {
  readonly id: string;
  /** Lower-case; logins match it whatever the case typed. */
  readonly username: string;
  readonly fullName: string;
  readonly kind: UserKind;
  readonly agencyId: string | null;
  readonly roles: readonly OfficerRole[];
  readonly email: string | null;
  readonly phone: string | null;
  readonly active: boolean;
  readonly createdAt: Date;
}

/** The user behind an authenticated request, with the session's CSRF token. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly kind: UserKind;
  readonly agencyId: string | null;
  readonly roles: readonly OfficerRole[];
  readonly csrfToken: string;
}

export interface NewUser {
  /** Generated when missing. */
  readonly id?: string;
  readonly username: string;
  readonly password: string;
  readonly fullName: string;
  readonly kind: UserKind;
  readonly agencyId?: string | null;
  readonly roles?: readonly OfficerRole[];
  readonly email?: string | null;
  readonly phone?: string | null;
  /** Default true. */
  readonly active?: boolean;
}
