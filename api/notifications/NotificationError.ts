export type NotificationErrorCode =
  | 'UNKNOWN_TEMPLATE'
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_DATA'
  | 'INVALID_RECIPIENT'
  | 'INVALID_OPTION'
  | 'SEND_FAILED';

/**
 * A notification that cannot be built or delivered; `code` is stable, the message is for
 * operators. `retryable` is false when sending the same message again cannot succeed
 * (a rejected recipient, a malformed request), so the outbox gives up at once.
 */
export class NotificationError extends Error {
  override readonly name: string = 'NotificationError';
  readonly retryable: boolean;
  /** The provider's HTTP status or SMTP reply code, when it answered. */
  readonly status: number | undefined;

  constructor(
    readonly code: NotificationErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean; status?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? code === 'SEND_FAILED';
    this.status = options.status;
  }
}
