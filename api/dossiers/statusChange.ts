import type { Db } from '../../engine/index.js';
import { appendAudit } from '../audit/index.js';
import { enqueueNotification, type NotificationTemplate } from '../notifications/index.js';
import { transition, DOSSIER_ACTIONS, type DossierAction } from './actions.js';
import { auditName, currentActor } from './Actor.js';
import { lookupUrl, type DossierContext } from './DossierContext.js';
import { updateDossier, type DossierChanges, type DossierRecord } from './DossierRecord.js';
import { statusName, type DossierStatus } from './statuses.js';

const TEMPLATES: Partial<Record<DossierAction, NotificationTemplate>> = {
  accept: 'dossier-accepted',
  refuse: 'dossier-refused',
  requestSupplement: 'supplement-requested',
  requestPayment: 'payment-requested',
  withdraw: 'dossier-withdrawn',
  stop: 'dossier-stopped',
  resultReady: 'result-ready',
  return: 'dossier-returned',
  apologize: 'apology',
};

/**
 * Take an action on a dossier inside the caller's transaction: check it against
 * the status table, store the changes, and write what follows from it — the
 * applicant's timeline, the audit entry, the notifications (sent after commit).
 */
export async function applyAction(
  tx: Db,
  context: DossierContext,
  dossier: DossierRecord,
  action: DossierAction,
  changes: DossierChanges = {},
  extra: { note?: string | null; resumeTo?: DossierStatus; notify?: Record<string, unknown> } = {},
): Promise<DossierRecord> {
  const at = context.clock.now();
  const status = transition(dossier.status, action, extra.resumeTo);
  const updated = await updateDossier(tx, context.calendar, dossier, { ...changes, status }, at);
  await tx.query('INSERT INTO dossier_timeline (dossier_id, at, status, action, note) VALUES ($1, $2, $3, $4, $5)', [
    dossier.id,
    at.toISOString(),
    status,
    action,
    extra.note ?? null,
  ]);
  await appendAudit(tx, {
    actor: auditName(currentActor()),
    action: `dossier.${action}`,
    entityType: 'dossier',
    entityId: dossier.id,
    dossierCode: dossier.code,
    before: auditView(dossier),
    after: auditView(updated),
    at,
  });
  const template = TEMPLATES[action];
  if (template) await notifyApplicant(tx, context, updated, template, { note: extra.note ?? null, ...extra.notify });
  return updated;
}

/** The fields an auditor compares before and after; form data is audited where it changes. */
function auditView(d: DossierRecord): Record<string, unknown> {
  return {
    status: d.status,
    statusName: statusName(d.status),
    dueAt: d.dueAt?.toISOString() ?? null,
    originalDueAt: d.originalDueAt?.toISOString() ?? null,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    pausedAt: d.pausedAt?.toISOString() ?? null,
    result: d.result,
    endReason: d.endReason,
  };
}

export async function notifyApplicant(
  tx: Db,
  context: DossierContext,
  dossier: DossierRecord,
  template: NotificationTemplate,
  data: Record<string, unknown> = {},
): Promise<void> {
  const catalogue = context.catalogue();
  const procedure = catalogue.procedureVersion(dossier.procedureCode, dossier.procedureVersion).metadata;
  const amount = dossier.feeAmount ?? procedure.fee.amount;
  // The amount may be set per case; without it the desk tells the applicant in person.
  if (template === 'payment-requested' && amount === null) return;
  const components = dossier.supplementComponents?.length ? dossier.supplementComponents : ['Theo phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'];
  const place = procedure.resultPlace ?? catalogue.agency(dossier.receivingAgencyId)?.name ?? '';
  const payload = {
    dossierCode: dossier.code,
    applicantName: dossier.applicant.name,
    procedureName: procedure.name,
    agencyName: catalogue.agency(dossier.receivingAgencyId)?.name ?? '',
    status: dossier.status,
    statusName: statusName(dossier.status),
    dueAt: dossier.dueAt?.toISOString() ?? null,
    appointmentAt: dossier.dueAt?.toISOString() ?? null,
    originalDueAt: dossier.originalDueAt?.toISOString() ?? null,
    reason: reasonFor(template, dossier),
    components,
    amount,
    pickupPlace: place,
    lookupUrl: lookupUrl(context.publicBaseUrl, dossier.code),
    ...data,
  };
  for (const channel of context.notifyChannels) {
    const to = channel === 'email' ? dossier.applicant.email : dossier.applicant.phone;
    if (to) await enqueueNotification(tx, { channel, to, template, data: payload, dossierCode: dossier.code });
  }
}

function reasonFor(template: NotificationTemplate, dossier: DossierRecord): string {
  switch (template) {
    case 'dossier-refused':
      return dossier.refusalReason ?? 'Hồ sơ không đủ điều kiện tiếp nhận';
    case 'supplement-requested':
      return dossier.supplementReason ?? 'Hồ sơ chưa đầy đủ';
    case 'dossier-stopped':
    case 'dossier-withdrawn':
      return dossier.endReason ?? '';
    case 'apology':
      return dossier.apologyReason ?? '';
    default:
      return '';
  }
}

export function actionLabel(action: string): string {
  return (DOSSIER_ACTIONS as Record<string, { label: string }>)[action]?.label ?? action;
}
