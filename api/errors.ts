/**
 * Domain errors of the application. Each carries a stable code and a Vietnamese
 * message for the person who caused it; the HTTP status is decided in one place
 * (api/http/errorHandler.ts) from the code.
 */

export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'CSRF_FAILED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAVAILABLE';

/** A field-level problem in submitted data: `path` is a JSON pointer into the data, e.g. `/applicant/idNumber`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: readonly FieldError[] | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: AppErrorCode, message: string, extra: { fields?: readonly FieldError[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.details = extra.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
