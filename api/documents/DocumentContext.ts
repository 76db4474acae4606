/**
 * Everything a printable document may show. The caller gathers it from the dossier, the
 * agency and the request that prints the document; rendering does no I/O of its own.
 * Instants are `Date`s and are printed in Vietnam's local time whatever the machine's zone.
 */

/** How a step or a dossier finished against its due date (DOMAIN.md §6). */
export type FinishResult = 'early' | 'onTime' | 'late';

/** 1 in person, 2 online, 3 public postal service (DOMAIN.md §2). */
export type DossierChannel = 1 | 2 | 3;

export interface DocumentAgency {
  readonly name: string;
  readonly parentName?: string;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  /** Signs the apology (04) and the stop notice (05). */
  readonly headName?: string;
}

export interface DocumentApplicant {
  readonly name: string;
  readonly idNumber: string;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

export interface DocumentComponent {
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
}

export interface DocumentDossier {
  readonly code: string;
  readonly procedureName: string;
  readonly field?: string;
  readonly applicant: DocumentApplicant;
  readonly summary?: string;
  readonly components: readonly DocumentComponent[];
  readonly sets: number;
  /** The legal time limit as the procedure states it, e.g. "03 ngày làm việc". */
  readonly limitText: string;
  readonly channel: DossierChannel;
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  /** The due date before an apology reset it; lateness is judged against it. */
  readonly originalDueAt?: Date | null;
  readonly resultPlace?: string;
  readonly lookupUrl: string;
  readonly statusName?: string;
  /** Already formatted, e.g. with `formatMoney`. */
  readonly fee?: string;
}

export interface DocumentHandover {
  readonly step: string;
  readonly fromUnit: string;
  readonly toUnit: string;
  readonly at: Date;
  readonly giver?: string | null;
  readonly receiver?: string | null;
  readonly stepDueAt?: Date | null;
  readonly finishedAt?: Date | null;
  /** When absent, a finished step is classified from `finishedAt` and `stepDueAt`. */
  readonly result?: FinishResult | null;
}

export interface DocumentTrackingRow {
  readonly code: string;
  readonly applicantName: string;
  readonly procedureName: string;
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  readonly returnedAt: Date | null;
  readonly result?: FinishResult | null;
  readonly receiverName?: string | null;
  readonly note?: string | null;
}

export interface DocumentContext {
  /** Printed before the date line, e.g. "Đà Nẵng". */
  readonly place: string;
  /** The date printed on the document. */
  readonly issuedAt: Date;
  readonly agency: DocumentAgency;
  readonly dossier: DocumentDossier;
  /** The receiving or signing officer. */
  readonly officer?: { readonly name: string };
  /** The document's registry number, printed after "Số:"; left blank to be written by hand otherwise. */
  readonly number?: string;
  /** Required by 02, 03, 04 and 05. */
  readonly reason?: string;
  /** Required by 02. */
  readonly componentsToAdd?: readonly string[];
  /** Required by 04. */
  readonly newDueAt?: Date;
  /** Required by 06; may be empty. */
  readonly handovers?: readonly DocumentHandover[];
  /** Required by 07; may be empty. */
  readonly trackingRows?: readonly DocumentTrackingRow[];
}
