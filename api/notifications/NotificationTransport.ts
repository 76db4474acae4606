export type NotificationChannel = 'email' | 'sms' | 'zalo';

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['email', 'sms', 'zalo'];

/** A rendered notification on its way out; `subject` only for e-mail. */
export interface OutgoingMessage {
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
}

/**
 * Hands one message to a provider. Resolves once the provider has accepted it; rejects
 * otherwise, preferably with a NotificationError whose `retryable` says whether to try again.
 */
export interface NotificationTransport {
  send(message: OutgoingMessage): Promise<void>;
}
