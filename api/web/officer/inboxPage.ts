import type { Request } from 'express';
import { DOSSIER_STATUSES, REASSIGNING_ROLES, type Actor, type InboxFilter } from '../../dossiers/index.js';
import { queryString } from '../../http/input.js';
import type { Services } from '../../services.js';
import { translate, type Language } from '../i18n.js';
import { deadlineBadge } from './deadlineBadge.js';

/** Rows on one page of the inbox. */
export const INBOX_PAGE_SIZE = 20;

/** The inbox page's filters as the form sends them; anything unknown falls back to "all". */
interface InboxQuery {
  readonly procedure: string;
  readonly status: string;
  readonly deadline: '' | 'dueSoon' | 'overdue';
  readonly assignee: 'all' | 'me' | 'none';
  readonly order: 'asc' | 'desc';
  readonly scope: 'own' | 'agency';
  readonly page: number;
}

export function inboxQuery(req: Request): InboxQuery {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = queryString(req, name);
    return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
  };
  const status = queryString(req, 'status') ?? '';
  return {
    procedure: queryString(req, 'procedure') ?? '',
    status: status in DOSSIER_STATUSES ? status : '',
    deadline: pick('deadline', ['dueSoon', 'overdue'], ''),
    assignee: pick('assignee', ['me', 'none'], 'all'),
    order: pick('order', ['desc'], 'asc'),
    scope: pick('scope', ['agency'], 'own'),
    page: Math.max(1, Math.min(10_000, Number.parseInt(queryString(req, 'page') ?? '1', 10) || 1)),
  };
}

function toFilter(query: InboxQuery): InboxFilter {
  return {
    status: 'open',
    ...(query.procedure ? { procedure: query.procedure } : {}),
    ...(query.status ? { dossierStatus: [Number(query.status)] } : {}),
    dueSoon: query.deadline === 'dueSoon',
    overdue: query.deadline === 'overdue',
    ...(query.assignee === 'all' ? {} : { assignee: query.assignee }),
    order: query.order,
    ...(query.scope === 'agency' ? { scope: 'agency' as const } : {}),
    limit: INBOX_PAGE_SIZE,
    offset: (query.page - 1) * INBOX_PAGE_SIZE,
  };
}

/** Everything the inbox template shows: the filter form, the rows of one page, paging and the bulk tools. */
export async function inboxPageData(services: Services, actor: Actor, requested: InboxQuery, language: Language) {
  const canReassign = actor.kind === 'officer' && REASSIGNING_ROLES.some((role) => actor.roles.includes(role));
  // Only those who hand steps out see the whole agency's; anyone else asking gets their own.
  const query: InboxQuery = canReassign ? requested : { ...requested, scope: 'own' };
  const { total, tasks } = await services.queries.inbox(actor, toFilter(query));
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const href = (page: number) => `/can-bo?${new URLSearchParams({ ...filterParams(query), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return {
    query,
    total,
    page: query.page,
    pages,
    previousHref: query.page > 1 ? href(query.page - 1) : null,
    nextHref: query.page < pages ? href(query.page + 1) : null,
    procedures: services
      .catalogue()
      .listProcedures()
      .map((p) => ({ code: p.code, name: p.metadata.name, selected: p.code === query.procedure }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    statuses: Object.keys(DOSSIER_STATUSES).map((code) => ({ code, name: translate(language, `officer.status.${code}`), selected: code === query.status })),
    canWork: actor.kind === 'officer',
    canReassign,
    colleagues: canReassign ? await services.queries.colleagues(actor, undefined) : [],
    rows: tasks.map((task) => ({
      id: task.id,
      code: task.dossier.code,
      procedureName: task.dossier.procedure.name,
      applicantName: task.dossier.applicantName,
      stepName: task.name,
      receivedAt: task.dossier.receivedAt,
      dueAt: task.dueAt,
      dossierDueAt: task.dossier.dueAt,
      badge: deadlineBadge(task, language),
      assignee: task.assignee,
      assigneeName: task.assigneeName ?? task.assignee,
      mine: task.assignee === actor.username,
    })),
  };
}

/** The filters that differ from the defaults, for links that keep them. */
function filterParams(query: InboxQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.procedure) params.procedure = query.procedure;
  if (query.status) params.status = query.status;
  if (query.deadline) params.deadline = query.deadline;
  if (query.assignee !== 'all') params.assignee = query.assignee;
  if (query.order !== 'asc') params.order = query.order;
  if (query.scope !== 'own') params.scope = query.scope;
  return params;
}
