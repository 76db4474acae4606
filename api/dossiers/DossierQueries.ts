import type { Db } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { anyOf, dossierPredicate, REASSIGNING_ROLES, roleLabel, taskPredicate, taskPredicateBranches } from './access.js';
import type { Actor } from './Actor.js';
import { deadlineFlags, dueSoonLimit, TIMING_LABELS } from './deadlines.js';
import type { DossierContext } from './DossierContext.js';
import { toDossier, toTask, type DossierRecord, type TaskRecord } from './DossierRecord.js';
import { actionLabel } from './statusChange.js';
import { CHANNELS, statusName, type DossierStatus } from './statuses.js';
import { STEP_KIND_LABELS } from './steps.js';

export interface InboxFilter {
  readonly status?: 'open' | 'completed' | 'all';
  readonly procedure?: string;
  /** Dossier statuses (1–10) the steps' dossiers must be in. */
  readonly dossierStatus?: readonly number[];
  readonly dueSoon?: boolean;
  readonly overdue?: boolean;
  readonly assignedToMe?: boolean;
  /** `me`: steps the caller has taken; `none`: steps nobody has taken yet. */
  readonly assignee?: 'me' | 'none';
  /** By step due date: `asc` (soonest first, the default) or `desc`. */
  readonly order?: 'asc' | 'desc';
  /** `agency`: every step of the officer's agency, for those who hand steps out (REASSIGNING_ROLES); otherwise the officer's own. */
  readonly scope?: 'own' | 'agency';
  readonly limit?: number;
  readonly offset?: number;
}

/** An officer who may be given steps: an active account of the agency. */
export interface Colleague {
  readonly username: string;
  readonly fullName: string;
  readonly roles: readonly string[];
}

/** The dossier's process as drawn, with the elements it is at and those it has passed. */
export interface DossierDiagram {
  readonly xml: string;
  readonly active: readonly string[];
  readonly completed: readonly string[];
}

const TASK_COLUMNS =
  'd.code AS dossier_code, d.procedure_code, d.procedure_version, d.applicant_name, d.status AS dossier_status, d.due_at AS dossier_due_at, d.received_at AS dossier_received_at, u.full_name AS assignee_name';

/** Reads for the desks and the public; every officer read carries the caller's authorisation predicate. */
export class DossierQueries {
  constructor(
    private readonly db: Db,
    private readonly context: DossierContext,
  ) {}

  async inbox(actor: Actor, filter: InboxFilter = {}): Promise<{ total: number; tasks: ReturnType<DossierQueries['taskView']>[] }> {
    const params: unknown[] = [];
    const branches = filter.scope === 'agency' ? [agencyBranch(actor, params)] : taskPredicateBranches(actor, this.context.catalogue(), params);
    const now = this.context.clock.now();
    const where = inboxConditions(filter, actor, now, dueSoonLimit(this.context.calendar, now), params);
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const offset = Math.max(filter.offset ?? 0, 0);
    // The dossier is joined only to filter by its procedure or status: every step has one.
    const joinDossier = Boolean(filter.procedure || filter.dossierStatus?.length);
    const from = `FROM dossier_tasks t${joinDossier ? ' JOIN dossiers d ON d.id = t.dossier_id' : ''}`;
    const conditions = (branch: string) => [branch, ...where].join(' AND ');
    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    const order = (alias: string) => `${alias}.due_at ${direction} NULLS LAST, ${alias}.created_at ${direction}, ${alias}.task_key ${direction}`;
    const countParams = [...params];
    params.push(limit + offset, limit, offset);
    const [window, size, skip] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    // Each alternative of the predicate reads its first rows in index order; the page is cut from their union.
    const candidates = branches
      .map((branch) => `(SELECT t.task_key, t.due_at, t.created_at ${from} WHERE ${conditions(branch)} ORDER BY ${order('t')} LIMIT ${window})`)
      .join(' UNION ');
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT t.*, ${TASK_COLUMNS}
         FROM (SELECT k.task_key FROM (${candidates}) k ORDER BY ${order('k')} LIMIT ${size} OFFSET ${skip}) page
         JOIN dossier_tasks t ON t.task_key = page.task_key JOIN dossiers d ON d.id = t.dossier_id LEFT JOIN users u ON u.username = t.assignee
         ORDER BY ${order('t')}`,
        params,
      ),
      this.db.query<{ n: string }>(`SELECT count(*) AS n ${from} WHERE ${conditions(anyOf(branches))}`, countParams),
    ]);
    return { total: Number(count.rows[0]!.n), tasks: rows.rows.map((r) => this.taskView(toTask(r), r, now)) };
  }

  /**
   * One step the caller may see: by default as the inbox shows steps; `agency` widens it to
   * every step of an officer's agency, for those who hand its steps out (REASSIGNING_ROLES).
   */
  async task(actor: Actor, taskKey: string, scope: 'inbox' | 'agency' = 'inbox'): Promise<ReturnType<DossierQueries['taskView']>> {
    const params: unknown[] = [taskKey];
    const predicate = scope === 'agency' ? agencyBranch(actor, params) : taskPredicate(actor, this.context.catalogue(), params);
    const { rows } = await this.db.query(
      `SELECT t.*, ${TASK_COLUMNS}
       FROM dossier_tasks t JOIN dossiers d ON d.id = t.dossier_id LEFT JOIN users u ON u.username = t.assignee WHERE t.task_key = $1 AND ${predicate}`,
      params,
    );
    if (!rows[0]) throw new AppError('NOT_FOUND', 'Không tìm thấy công việc.');
    return this.taskView(toTask(rows[0]), rows[0], this.context.clock.now());
  }

  /**
   * Officers of an agency who may be given its steps, optionally only those with a role.
   * An officer lists their own agency; an administrator any.
   */
  async colleagues(actor: Actor, agencyId: string | undefined, role?: string): Promise<Colleague[]> {
    const agency = agencyId ?? actor.agencyId;
    if (actor.kind !== 'admin' && (actor.kind !== 'officer' || agency !== actor.agencyId)) {
      throw new AppError('FORBIDDEN', 'Cán bộ chỉ xem được danh sách cán bộ của cơ quan mình.');
    }
    if (!agency) throw new AppError('VALIDATION_FAILED', 'Cần chọn cơ quan.', { fields: [{ path: '/agency', message: 'Trường «Cơ quan» là bắt buộc.' }] });
    const { rows } = await this.db.query<{ username: string; full_name: string; roles: string[] }>(
      `SELECT username, full_name, roles FROM users WHERE kind = 'officer' AND active AND agency_id = $1 AND ($2::text IS NULL OR $2 = ANY(roles)) ORDER BY full_name, username`,
      [agency, role ?? null],
    );
    return rows.map((r) => ({ username: r.username, fullName: r.full_name, roles: r.roles }));
  }

  /**
   * The process of a dossier with its open steps and waiting events (`active`) and the
   * elements and flows its instance has passed (`completed`), for drawing it.
   */
  async diagram(actor: Actor, code: string): Promise<DossierDiagram> {
    const dossier = await this.visibleDossier(actor, code);
    const procedure = this.context.catalogue().procedureVersion(dossier.procedureCode, dossier.procedureVersion);
    const xml = await this.context.engine.processXml(procedure.processKey);
    if (!xml) throw new AppError('NOT_FOUND', `Không tìm thấy quy trình của hồ sơ «${code}».`);
    const open = await this.db.query<{ element_id: string }>(`SELECT element_id FROM dossier_tasks WHERE dossier_id = $1 AND state = 'open'`, [dossier.id]);
    const active = new Set(open.rows.map((r) => r.element_id));
    const completed = new Set<string>();
    if (dossier.instanceKey) {
      const [instance, history] = await Promise.all([this.context.engine.getInstance(dossier.instanceKey), this.context.engine.history(dossier.instanceKey)]);
      for (const element of instance?.activeElements ?? []) active.add(element.elementId);
      for (const event of history) {
        const passed = event.intent === 'ELEMENT_COMPLETED' || event.intent === 'SEQUENCE_FLOW_TAKEN';
        if (passed && event.valueType === 'PROCESS_INSTANCE' && event.instanceKey === dossier.instanceKey && event.elementId) completed.add(event.elementId);
      }
    }
    completed.delete(procedure.processId);
    active.delete(procedure.processId);
    return { xml, active: [...active], completed: [...completed] };
  }

  private taskView(task: TaskRecord, row: Record<string, unknown>, now: Date) {
    const catalogue = this.context.catalogue();
    const procedure = catalogue.procedureVersion(row.procedure_code as string, row.procedure_version as number).metadata;
    return {
      id: task.taskKey,
      name: task.name,
      stepKind: task.stepKind,
      stepKindName: STEP_KIND_LABELS[task.stepKind],
      role: task.role,
      roleName: roleLabel(task.role),
      agency: { id: task.agencyId, name: catalogue.agency(task.agencyId)?.name ?? task.agencyId },
      state: task.state,
      assignee: task.assignee,
      assigneeName: (row.assignee_name as string | null) ?? null,
      createdAt: task.createdAt.toISOString(),
      dueAt: task.dueAt?.toISOString() ?? null,
      ...(task.state === 'open' ? deadlineFlags(this.context.calendar, now, task.dueAt) : { overdue: false, dueSoon: false }),
      completedAt: task.completedAt?.toISOString() ?? null,
      completedBy: task.completedBy,
      outcome: task.outcome,
      timing: task.timing,
      outcomes: task.outcomes,
      form: task.form ? { id: task.form, schema: this.context.forms.schema(task.form) } : null,
      dossier: {
        code: row.dossier_code as string,
        procedure: { code: procedure.code, name: procedure.name },
        applicantName: row.applicant_name as string,
        status: Number(row.dossier_status),
        statusName: statusName(Number(row.dossier_status)),
        receivedAt: iso(row.dossier_received_at),
        dueAt: iso(row.dossier_due_at),
      },
    };
  }

  /** The dossier if the caller may see it; a dossier of another agency is reported as not found. */
  async visibleDossier(actor: Actor, code: string): Promise<DossierRecord> {
    const params: unknown[] = [code];
    const predicate = dossierPredicate(actor, this.context.catalogue(), params);
    const { rows } = await this.db.query(`SELECT d.* FROM dossiers d WHERE d.code = $1 AND ${predicate}`, params);
    if (!rows[0]) throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ «${code}».`);
    return toDossier(rows[0]);
  }

  /** The officer's full view: form data, components, steps, hand-overs and history. */
  async officerView(actor: Actor, code: string) {
    const dossier = await this.visibleDossier(actor, code);
    const catalogue = this.context.catalogue();
    const procedure = catalogue.procedureVersion(dossier.procedureCode, dossier.procedureVersion).metadata;
    const [tasks, handovers, timeline, attachments] = await Promise.all([
      this.db.query('SELECT * FROM dossier_tasks WHERE dossier_id = $1 ORDER BY created_at, task_key', [dossier.id]),
      this.db.query('SELECT * FROM dossier_handovers WHERE dossier_id = $1 ORDER BY id', [dossier.id]),
      this.db.query('SELECT * FROM dossier_timeline WHERE dossier_id = $1 ORDER BY id', [dossier.id]),
      this.db.query(
        'SELECT id, component_code, file_name, media_type, size, sha256, uploaded_by, uploaded_at FROM dossier_attachments WHERE dossier_id = $1 ORDER BY uploaded_at, id',
        [dossier.id],
      ),
    ]);
    const agencyName = (id: unknown) => (id ? catalogue.agency(id as string)?.name ?? (id as string) : null);
    const now = this.context.clock.now();
    return {
      ...this.summary(dossier, now),
      applicant: dossier.applicant,
      formData: dossier.formData,
      procedure: { code: procedure.code, version: dossier.procedureVersion, name: procedure.name, limitText: procedure.limitText },
      receivingAgency: { id: dossier.receivingAgencyId, name: agencyName(dossier.receivingAgencyId) },
      components: procedure.components.map((c) => ({
        ...c,
        files: attachments.rows
          .filter((a) => a.component_code === c.code)
          .map((a) => ({ id: a.id, fileName: a.file_name, mediaType: a.media_type, size: a.size, sha256: a.sha256, uploadedBy: a.uploaded_by, uploadedAt: iso(a.uploaded_at) })),
      })),
      tasks: tasks.rows.map((r) => {
        const t = toTask(r);
        return {
          id: t.taskKey, name: t.name, stepKind: t.stepKind, role: t.role, agency: { id: t.agencyId, name: agencyName(t.agencyId) }, state: t.state,
          assignee: t.assignee, createdAt: t.createdAt.toISOString(), dueAt: t.dueAt?.toISOString() ?? null, completedAt: t.completedAt?.toISOString() ?? null,
          completedBy: t.completedBy, outcome: t.outcome, outcomeLabel: t.outcomes.find((o) => o.value === t.outcome)?.label ?? null, timing: t.timing,
          timingName: t.timing ? TIMING_LABELS[t.timing] : null, formData: t.formData,
        };
      }),
      handovers: handovers.rows.map((h) => ({
        step: h.step_name, fromAgency: agencyName(h.from_agency_id), toAgency: agencyName(h.to_agency_id), toStep: h.to_step_name ?? null,
        at: iso(h.at), giver: h.giver ?? null, receiver: h.receiver ?? null, stepDueAt: iso(h.step_due_at), timing: h.timing ?? null,
        timingName: h.timing ? TIMING_LABELS[h.timing as keyof typeof TIMING_LABELS] : null,
      })),
      history: timeline.rows.map((t) => ({ at: iso(t.at), status: Number(t.status), statusName: statusName(Number(t.status)), action: t.action, actionName: actionLabel(t.action as string), note: t.note ?? null })),
    };
  }

  summary(dossier: DossierRecord, now: Date) {
    const procedure = this.context.catalogue().procedureVersion(dossier.procedureCode, dossier.procedureVersion).metadata;
    const open = dossier.endedAt === null && dossier.resultReadyAt === null && dossier.status !== 5;
    return {
      code: dossier.code,
      procedure: { code: procedure.code, name: procedure.name },
      status: dossier.status,
      statusName: statusName(dossier.status),
      channel: dossier.channel,
      channelName: CHANNELS[dossier.channel],
      applicantName: dossier.applicant.name,
      submittedAt: dossier.submittedAt.toISOString(),
      receivedAt: dossier.receivedAt?.toISOString() ?? null,
      dueAt: dossier.dueAt?.toISOString() ?? null,
      originalDueAt: dossier.originalDueAt?.toISOString() ?? null,
      apology: dossier.apologyAt ? { at: dossier.apologyAt.toISOString(), reason: dossier.apologyReason } : null,
      result: dossier.result,
      resultReadyAt: dossier.resultReadyAt?.toISOString() ?? null,
      returnedAt: dossier.returnedAt?.toISOString() ?? null,
      endedAt: dossier.endedAt?.toISOString() ?? null,
      ...(open ? deadlineFlags(this.context.calendar, now, dossier.dueAt) : { overdue: false, dueSoon: false }),
      apologyDue: dossier.apologyDue,
      rating: dossier.rating,
    };
  }

  /**
   * The applicant's look-up: the dossier code and the identity number or phone
   * the applicant gave; nothing beyond what the applicant gave (no officers' notes or names).
   */
  async publicView(code: string, proof: { idNumber?: string; phone?: string }) {
    const dossier = await this.applicantDossier(code, proof);
    const timeline = await this.db.query('SELECT at, status, action FROM dossier_timeline WHERE dossier_id = $1 ORDER BY id', [dossier.id]);
    const catalogue = this.context.catalogue();
    const procedure = catalogue.procedureVersion(dossier.procedureCode, dossier.procedureVersion).metadata;
    return {
      code: dossier.code,
      procedure: { code: procedure.code, name: procedure.name },
      receivingAgency: catalogue.agency(dossier.receivingAgencyId)?.name ?? null,
      status: dossier.status,
      statusName: statusName(dossier.status as DossierStatus),
      submittedAt: dossier.submittedAt.toISOString(),
      receivedAt: dossier.receivedAt?.toISOString() ?? null,
      dueAt: dossier.dueAt?.toISOString() ?? null,
      supplement: dossier.status === 5 ? { reason: dossier.supplementReason, components: dossier.supplementComponents ?? [] } : null,
      refusalReason: dossier.status === 3 || dossier.result === 'refused' ? dossier.refusalReason : null,
      resultPlace: procedure.resultPlace ?? null,
      canRate: dossier.status === 10 && !dossier.ratedAt,
      canWithdraw: [1, 2, 4, 5, 6].includes(dossier.status),
      timeline: timeline.rows.map((t) => ({ at: iso(t.at), status: Number(t.status), statusName: statusName(Number(t.status)), action: actionLabel(t.action as string) })),
    };
  }

  /** The dossier, if the code and the identity number (or phone) match what the applicant gave. */
  async applicantDossier(code: string, proof: { idNumber?: string | undefined; phone?: string | undefined }): Promise<DossierRecord> {
    const idNumber = proof.idNumber?.trim();
    const phone = proof.phone?.trim();
    if (!idNumber && !phone) {
      throw new AppError('VALIDATION_FAILED', 'Cần nhập số định danh cá nhân hoặc số điện thoại đã khai khi nộp hồ sơ.', {
        fields: [{ path: '/idNumber', message: 'Nhập «Số định danh cá nhân» hoặc «Số điện thoại».' }],
      });
    }
    const { rows } = await this.db.query(
      'SELECT * FROM dossiers WHERE code = $1 AND (applicant_id_number = $2 OR (applicant_phone IS NOT NULL AND applicant_phone = $3))',
      [code, idNumber ?? '', phone ?? ''],
    );
    // One answer for a wrong code and a wrong proof, so the look-up cannot be used to find dossiers.
    if (!rows[0]) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ với mã và thông tin đã nhập.');
    return toDossier(rows[0]);
  }
}

/** Every step of the officer's agency; only officers who hand steps out (REASSIGNING_ROLES) may read so wide. */
function agencyBranch(actor: Actor, params: unknown[]): string {
  if (actor.kind !== 'officer' || !actor.agencyId || !REASSIGNING_ROLES.some((r) => actor.roles.includes(r))) {
    throw new AppError('FORBIDDEN', `Chỉ cán bộ ${REASSIGNING_ROLES.map((r) => `«${roleLabel(r)}»`).join(' hoặc ')} xem được mọi công việc của cơ quan.`);
  }
  params.push(actor.agencyId);
  return `t.agency_id = $${params.length}`;
}

/** The inbox filters as SQL conditions on the step `t` and its dossier `d`, their values appended to `params`. */
function inboxConditions(filter: InboxFilter, actor: Actor, now: Date, dueSoonUntil: Date, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if ((filter.status ?? 'open') !== 'all') add('t.state = ?', filter.status ?? 'open');
  if (filter.procedure) add('d.procedure_code = ?', filter.procedure);
  if (filter.dossierStatus?.length) add('d.status = ANY(?::int[])', [...filter.dossierStatus]);
  if (filter.overdue) add('t.due_at < ?', now.toISOString());
  if (filter.dueSoon) {
    add('t.due_at >= ?', now.toISOString());
    add('t.due_at <= ?', dueSoonUntil.toISOString());
  }
  if (filter.assignedToMe || filter.assignee === 'me') add('t.assignee = ?', actor.username);
  if (filter.assignee === 'none') where.push('t.assignee IS NULL');
  return where;
}

function iso(value: unknown): string | null {
  return value === null || value === undefined ? null : new Date(value as string).toISOString();
}
