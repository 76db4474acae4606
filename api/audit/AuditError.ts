export type AuditErrorCode = 'NOT_IN_TRANSACTION' | 'INVALID_ENTRY' | 'UNSUPPORTED_ISOLATION';

/** A misuse of the audit log by the calling code: never the fault of the person acting. */
export class AuditError extends Error {
  override readonly name: string = 'AuditError';

  constructor(
    readonly code: AuditErrorCode,
    message: string,
  ) {
    super(message);
  }
}
