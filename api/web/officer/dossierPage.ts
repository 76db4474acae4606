import { readAudit } from '../../audit/index.js';
import type { Actor, DossierRecord } from '../../dossiers/index.js';
import type { Services } from '../../services.js';
import { translate, type Language } from '../i18n.js';
import { deadlineBadge } from './deadlineBadge.js';
import { formDataView } from './formDataView.js';
import { historyLines } from './historyLines.js';
import { inlineSchema } from './inlineSchema.js';

type OfficerView = Awaited<ReturnType<Services['queries']['officerView']>>;
type ViewTask = OfficerView['tasks'][number];

/** Statuses in which each dossier-wide action is offered, and the roles that may take it (the API's own rules). */
const DOSSIER_ACTIONS = {
  apology: { statuses: [2, 4, 5, 6], roles: ['leader'] },
  stop: { statuses: [2, 4, 5, 6], roles: ['leader', 'desk'] },
  withdraw: { statuses: [1, 2, 4, 5, 6], roles: [] },
  supplement: { statuses: [5], roles: [] },
} as const;

/** Everything the dossier page shows, and the data its scripts need for the step forms and the diagram. */
export async function dossierPageData(services: Services, actor: Actor, code: string, language: Language) {
  const dossier = await services.queries.visibleDossier(actor, code);
  const view = await services.queries.officerView(actor, code);
  const procedure = services.catalogue().procedureVersion(dossier.procedureCode, dossier.procedureVersion).metadata;
  const entries = await readAudit(services.db, view.code);
  const names = await fullNames(services, [...entries.flatMap((e) => [e.actor, (e.after as { assignee?: string } | null)?.assignee ?? '']), ...view.tasks.map((t) => t.assignee ?? '')]);
  const work = await workableSteps(services, actor, view.tasks);
  const outcomeLabels = new Map(view.tasks.filter((t) => t.outcomeLabel).map((t) => [t.id, t.outcomeLabel as string]));
  const words = { yes: translate(language, 'officer.value.yes'), no: translate(language, 'officer.value.no'), entry: (label: string, n: number) => translate(language, 'officer.value.entry', { label, n }) };
  return {
    view,
    badge: deadlineBadge(view, language),
    statusName: translate(language, `officer.status.${view.status}`),
    formLines: formDataView(inlineSchema(services.forms, procedure.submissionForm), view.formData, words),
    openSteps: view.tasks
      .filter((t) => t.state === 'open')
      .map((t) => ({ ...t, assigneeName: t.assignee ? names.get(t.assignee) ?? t.assignee : null, mayWork: work.some((w) => w.id === t.id) })),
    handovers: view.handovers.map((h) => ({ ...h, timingBadge: timingBadge(h.timing as string | null) })),
    history: historyLines(entries, { language, names, outcomeLabels }).reverse(),
    printForms: printForms(dossier),
    actions: dossierActions(actor, dossier),
    script: { code: view.code, me: actor.username, tasks: work },
  };
}

/** Open steps the officer may work, with their choices and their form ready for the browser. */
async function workableSteps(services: Services, actor: Actor, tasks: readonly ViewTask[]) {
  const open = tasks.filter((t) => t.state === 'open' && mayWork(actor, t));
  return Promise.all(
    open.map(async (t) => {
      const detail = await services.queries.task(actor, t.id);
      return {
        id: t.id,
        name: t.name,
        stepKind: t.stepKind,
        assignee: t.assignee,
        outcomes: detail.outcomes,
        schema: detail.form ? inlineSchema(services.forms, detail.form.id) : null,
      };
    }),
  );
}

/** The same rule as the API's: a step of the officer's agency and role, or one given to them. */
function mayWork(actor: Actor, task: ViewTask): boolean {
  if (actor.kind !== 'officer') return false;
  if (task.assignee === actor.username) return true;
  return task.assignee === null && task.agency.id === actor.agencyId && actor.roles.includes(task.role);
}

/** Full names of accounts by username, for people named in the history and on the steps. */
async function fullNames(services: Services, usernames: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames.filter(Boolean))];
  const { rows } = await services.db.query<{ username: string; full_name: string }>('SELECT username, full_name FROM users WHERE username = ANY($1::text[])', [wanted]);
  return new Map(rows.map((r) => [r.username, r.full_name]));
}

function timingBadge(timing: string | null): { kind: string; key: string } | null {
  if (timing === 'late') return { kind: 'overdue', key: 'officer.timing.late' };
  if (timing === 'onTime') return { kind: 'ok', key: 'officer.timing.onTime' };
  if (timing === 'early') return { kind: 'ok', key: 'officer.timing.early' };
  return null;
}

/** The printable forms this dossier has reached (the documents route refuses the others). */
function printForms(dossier: DossierRecord): { form: string; key: string }[] {
  const issued: Record<string, boolean> = {
    '01': dossier.receivedAt !== null,
    '02': dossier.supplementReason !== null,
    '03': dossier.status === 3,
    '04': dossier.apologyAt !== null,
    '05': dossier.status === 8,
    '06': dossier.receivedAt !== null,
    '07': dossier.receivedAt !== null,
  };
  return Object.keys(issued)
    .filter((form) => issued[form])
    .map((form) => ({ form, key: `officer.print.${form}` }));
}

function dossierActions(actor: Actor, dossier: DossierRecord): Record<keyof typeof DOSSIER_ACTIONS, boolean> {
  const allowed = (name: keyof typeof DOSSIER_ACTIONS) => {
    const rule = DOSSIER_ACTIONS[name];
    const roleOk = rule.roles.length === 0 || rule.roles.some((r) => actor.roles.includes(r));
    return actor.kind === 'officer' && roleOk && (rule.statuses as readonly number[]).includes(dossier.status);
  };
  return { apology: allowed('apology') && dossier.apologyAt === null, stop: allowed('stop'), withdraw: allowed('withdraw'), supplement: allowed('supplement') };
}
