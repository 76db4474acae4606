import type { Db } from '../../engine/store/index.js';
import { NotificationError } from './NotificationError.js';
import type { NotificationTemplate } from './NotificationTemplate.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './NotificationTransport.js';
import { renderNotification } from './renderNotification.js';

export interface NotificationRequest {
  readonly channel: NotificationChannel;
  /** An e-mail address, a phone number, or a Zalo user id, as the provider expects it. */
  readonly to: string;
  readonly template: NotificationTemplate;
  /** The template's fields; Dates are stored as ISO strings and read back as such. */
  readonly data: Record<string, unknown>;
  /** Also given to the template as `dossierCode` unless `data` has its own. */
  readonly dossierCode?: string;
}

/**
 * Write a notification to the outbox. Pass the transaction handle of the change it
 * announces: the row then exists exactly when that change commits, and the drainer
 * sends it afterwards. The template is rendered once here so a missing or malformed
 * field fails the caller now, not a drainer later.
 */
export async function enqueueNotification(db: Db, n: NotificationRequest): Promise<void> {
  if (!NOTIFICATION_CHANNELS.includes(n.channel)) {
    throw new NotificationError('UNKNOWN_CHANNEL', `Expected a channel among ${NOTIFICATION_CHANNELS.join(', ')}, but got '${String(n.channel)}'.`);
  }
  const to = typeof n.to === 'string' ? n.to.trim() : '';
  if (to === '') {
    throw new NotificationError('INVALID_RECIPIENT', `Expected a recipient for the ${n.channel} notification '${n.template}', but got none.`);
  }
  const data = n.dossierCode !== undefined && n.data.dossierCode === undefined ? { ...n.data, dossierCode: n.dossierCode } : n.data;
  renderNotification(n.template, n.channel, data);
  await db.query(
    'INSERT INTO notification_outbox (channel, recipient, template, data, dossier_code) VALUES ($1, $2, $3, $4, $5)',
    [n.channel, to, n.template, JSON.stringify(data), n.dossierCode ?? null],
    { name: 'notification_outbox_insert' },
  );
}
