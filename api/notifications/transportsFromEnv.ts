import { createHttpSmsTransport } from './createHttpSmsTransport.js';
import { createSmtpTransport } from './createSmtpTransport.js';
import { NotificationError } from './NotificationError.js';
import type { NotificationChannel, NotificationTransport } from './NotificationTransport.js';

/**
 * The transports the environment configures (see README, "Configuration"): e-mail with
 * SMTP_URL and SMTP_FROM, SMS with SMS_PROVIDER_URL, Zalo with ZALO_PROVIDER_URL. A channel
 * whose variables are unset is left out, so its notifications wait in the outbox.
 */
export function transportsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Record<NotificationChannel, NotificationTransport>> {
  const transports: Partial<Record<NotificationChannel, NotificationTransport>> = {};
  const smtpUrl = nonEmpty(env.SMTP_URL);
  if (smtpUrl !== undefined) {
    const from = nonEmpty(env.SMTP_FROM);
    if (from === undefined) {
      throw new NotificationError('INVALID_OPTION', 'Expected SMTP_FROM (the sender address) because SMTP_URL is set, but it is not.');
    }
    transports.email = createSmtpTransport({ url: smtpUrl, from });
  }
  const smsUrl = nonEmpty(env.SMS_PROVIDER_URL);
  const smsToken = nonEmpty(env.SMS_PROVIDER_TOKEN);
  if (smsUrl !== undefined) transports.sms = createHttpSmsTransport({ url: smsUrl, channel: 'sms', ...(smsToken ? { token: smsToken } : {}) });
  const zaloUrl = nonEmpty(env.ZALO_PROVIDER_URL);
  // Zalo usually goes through the same provider account as SMS, hence the shared token.
  const zaloToken = nonEmpty(env.ZALO_PROVIDER_TOKEN) ?? smsToken;
  if (zaloUrl !== undefined) transports.zalo = createHttpSmsTransport({ url: zaloUrl, channel: 'zalo', ...(zaloToken ? { token: zaloToken } : {}) });
  return transports;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
