/** One template per event a citizen or an agency is told about; the names are the folders in `templates/`. */
export const NOTIFICATION_TEMPLATES = [
  'dossier-submitted',
  'dossier-accepted',
  'dossier-refused',
  'supplement-requested',
  'payment-requested',
  'dossier-withdrawn',
  'dossier-stopped',
  'result-ready',
  'dossier-returned',
  'apology',
  'due-reminder',
] as const;

export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** `text`: a non-empty string; `date`: a Date or an ISO 8601 string; `list`: a non-empty array of strings; `amount`: a non-negative number of đồng (or its decimal text). */
export type TemplateFieldKind = 'text' | 'date' | 'list' | 'amount';

/**
 * The data each template cannot do without. Templates also use, when present:
 * `applicantName`, `procedureName`, `agencyName` (text) and the optional fields listed
 * in the README; those are not required here because an event may lack them.
 */
export const TEMPLATE_FIELDS: { readonly [T in NotificationTemplate]: Readonly<Record<string, TemplateFieldKind>> } = {
  'dossier-submitted': { dossierCode: 'text', lookupUrl: 'text' },
  'dossier-accepted': { dossierCode: 'text', appointmentAt: 'date' },
  'dossier-refused': { dossierCode: 'text', reason: 'text' },
  'supplement-requested': { dossierCode: 'text', reason: 'text', components: 'list' },
  'payment-requested': { dossierCode: 'text', amount: 'amount' },
  'dossier-withdrawn': { dossierCode: 'text' },
  'dossier-stopped': { dossierCode: 'text', reason: 'text' },
  'result-ready': { dossierCode: 'text', pickupPlace: 'text' },
  'dossier-returned': { dossierCode: 'text', lookupUrl: 'text' },
  apology: { dossierCode: 'text', reason: 'text', newDueAt: 'date' },
  'due-reminder': { dossierCode: 'text', dueAt: 'date' },
};

export function isNotificationTemplate(name: string): name is NotificationTemplate {
  return (NOTIFICATION_TEMPLATES as readonly string[]).includes(name);
}
