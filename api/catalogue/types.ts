/**
 * The catalogue's records: agencies (a tree that is data, DOMAIN.md §1) and
 * procedures (one folder under processes/ each, DOMAIN.md §9).
 */
import type { TimeLimit } from '../../engine/index.js';

export type AgencyLevel = 'province' | 'district' | 'commune';

/** One node of the agency tree as configured (agencies.json). */
export interface AgencyConfig {
  /** Stable short id used in URLs and accounts, e.g. `px-hai-chau`. */
  readonly id: string;
  /** Unit identifier code (mã định danh), the prefix of dossier codes, e.g. `000.00.16.H56`. */
  readonly unitCode: string;
  readonly name: string;
  readonly level: AgencyLevel;
  /**
   * What the agency is, used to route steps: `province`, `commune`, `justice`,
   * `police`, `commune-police`, `social-insurance`, `public-service-center`, …
   */
  readonly kind: string;
  readonly address?: string;
  readonly email?: string;
  readonly phone?: string;
  /** Whether this agency runs a one-stop desk that receives dossiers. */
  readonly receivesDossiers?: boolean;
  readonly children?: readonly AgencyConfig[];
}

export interface Agency {
  readonly id: string;
  readonly parentId: string | null;
  readonly unitCode: string;
  readonly name: string;
  readonly level: AgencyLevel;
  readonly kind: string;
  readonly address: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly receivesDossiers: boolean;
}

export interface ProcedureComponent {
  /** Stable id within the procedure, used for attachments, e.g. `to-khai`. */
  readonly code: string;
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  readonly required: boolean;
  readonly note?: string;
}

export interface ProcedureFee {
  /** Base amount in đồng; 0 when free; null when set per case (e.g. by the province). */
  readonly amount: number | null;
  /** The rule as printed for citizens, in Vietnamese. */
  readonly text: string;
}

/** procedures/<code>/procedure.json */
export interface ProcedureMetadata {
  /** Folder name and catalogue code, e.g. `khai-sinh`. */
  readonly code: string;
  /** Code on the national procedure database (Cơ sở dữ liệu quốc gia về TTHC). */
  readonly nationalCode: string;
  readonly name: string;
  /** Field (lĩnh vực), e.g. "Hộ tịch". */
  readonly field: string;
  /** Level of the competent agency. */
  readonly level: AgencyLevel;
  /** Kinds of agencies whose desk may receive the dossier (first = default for online submissions). */
  readonly receivingAgencyKinds: readonly string[];
  /** Legal time limit; `limitOnPaper` when paper dossiers get a longer one. */
  readonly limit: TimeLimit;
  readonly limitOnPaper?: TimeLimit;
  /** Limit as printed, e.g. "03 ngày làm việc". */
  readonly limitText: string;
  readonly fee: ProcedureFee;
  /** Online service level: fully online (toàn trình) or partly online (một phần). */
  readonly onlineLevel: 'toan-trinh' | 'mot-phan';
  /** What happens to the due date when a supplement requested during processing arrives. */
  readonly supplementPolicy: 'restart' | 'extend';
  readonly components: readonly ProcedureComponent[];
  /** Schema id of the applicant's form under forms/, e.g. `khai-sinh/submission`. */
  readonly submissionForm: string;
  /** Result given to the applicant, e.g. "Giấy khai sinh". */
  readonly result: string;
  /** Where the result is collected, printed on form 01. */
  readonly resultPlace?: string;
  /** The BPMN file in the folder and the id of the process to start. */
  readonly bpmn: string;
  readonly processId: string;
  /** Legal bases, printed for citizens. */
  readonly legalBasis?: readonly string[];
}
