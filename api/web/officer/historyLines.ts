import type { AuditEntry } from '../../audit/index.js';
import { DOSSIER_ACTIONS } from '../../dossiers/index.js';
import { translate, type Language } from '../i18n.js';

/** One entry of a dossier's history as a sentence an officer reads. */
export interface HistoryLine {
  readonly at: string;
  readonly text: string;
}

export interface HistoryContext {
  readonly language: Language;
  /** Full names of the accounts that acted, by username. */
  readonly names: ReadonlyMap<string, string>;
  /** The label of the outcome a step was finished with, by the step's id. */
  readonly outcomeLabels: ReadonlyMap<string, string>;
}

type Sentence = (entry: AuditEntry, actor: string, context: HistoryContext) => string;

const t = (context: HistoryContext, key: string, values: Record<string, unknown> = {}) => translate(context.language, key, values);
const field = (value: unknown, name: string): string => {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof found === 'string' ? found : '';
};

/** The audit log's actions in words; a dossier action (`dossier.accept`…) is named by its own text. */
const SENTENCES: Readonly<Record<string, Sentence>> = {
  'dossier.submit': (_e, actor, c) => t(c, 'officer.history.submit', { actor }),
  'dossier.dueReminder': (_e, _actor, c) => t(c, 'officer.history.dueReminder'),
  'task.complete': (e, actor, c) =>
    t(c, 'officer.history.taskComplete', { actor, step: field(e.before, 'step'), outcome: c.outcomeLabels.get(e.entityId) ?? field(e.after, 'outcome') }),
  'task.reassign': (e, actor, c) => {
    const assignee = field(e.after, 'assignee');
    return t(c, 'officer.history.taskReassign', { actor, step: field(e.after, 'step'), assignee: c.names.get(assignee) ?? assignee });
  },
  'attachment.add': (e, actor, c) => t(c, 'officer.history.attachment', { actor, file: field(e.after, 'fileName') }),
};

export function historyLines(entries: readonly AuditEntry[], context: HistoryContext): HistoryLine[] {
  return entries.map((entry) => ({ at: entry.at.toISOString(), text: sentence(entry, context) }));
}

function sentence(entry: AuditEntry, context: HistoryContext): string {
  const actor = actorName(entry.actor, context);
  const own = SENTENCES[entry.action];
  if (own) return own(entry, actor, context);
  const action = entry.action.startsWith('dossier.') ? entry.action.slice('dossier.'.length) : '';
  if (action in DOSSIER_ACTIONS) return t(context, 'officer.history.dossierAction', { actor, action: t(context, `officer.action.${action}`) });
  return t(context, 'officer.history.other', { actor, action: entry.action });
}

function actorName(actor: string, context: HistoryContext): string {
  if (actor === 'system') return t(context, 'officer.history.system');
  if (actor.startsWith('citizen:')) return t(context, 'officer.history.applicant');
  return context.names.get(actor) ?? actor;
}
