/** Stable codes for refused commands; the HTTP layer maps them to status codes in one place. */
export type EngineErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'INVALID_ARGUMENT'
  | 'DUPLICATE_MESSAGE'
  | 'MODEL_REJECTED'
  | 'CONFLICT';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
