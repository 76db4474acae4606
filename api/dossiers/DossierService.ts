import { createHash, randomUUID } from 'node:crypto';
import { localDate, type Db, type Variables } from '../../engine/index.js';
import { appendAudit } from '../audit/index.js';
import type { ProcedureVersion } from '../catalogue/index.js';
import { AppError, type FieldError } from '../errors.js';
import { assertMayReassign, assertMayWork, assertOfficer, REASSIGNING_ROLES, roleLabel } from './access.js';
import { auditName, commandScope, type Actor } from './Actor.js';
import { resumedDue } from './deadlines.js';
import type { DossierContext } from './DossierContext.js';
import { requireDossierByCode, toDossier, toTask, updateDossier, type DossierChanges, type DossierRecord, type TaskRecord } from './DossierRecord.js';
import { applyAction, notifyApplicant } from './statusChange.js';
import type { Channel } from './statuses.js';
import { SUPPLEMENT_OUTCOME } from './steps.js';

export interface ApplicantInput {
  readonly name: string;
  readonly idNumber: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

export interface SubmissionInput {
  readonly procedure: string;
  /** Receiving agency id; the procedure's default desk when absent and unambiguous. */
  readonly agency?: string;
  readonly applicant: ApplicantInput;
  readonly formData: Record<string, unknown>;
}

export interface AttachmentInput {
  readonly component: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** The message a dossier's process waits for while the applicant completes the papers. */
export const SUPPLEMENT_MESSAGE = 'dossier-supplemented';

/**
 * Every change to a dossier: one command, one transaction that moves the
 * engine, the dossier, the inbox, the audit log and the outbox together.
 */
export class DossierService {
  /** Called after each committed command (the outbox drainer's wake-up). */
  afterCommit: () => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly context: DossierContext,
  ) {}

  private async command<T>(actor: Actor, work: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await commandScope.run({ actor }, () => this.db.transaction(work));
        this.afterCommit();
        return result;
      } catch (error) {
        // A timer firing on the same dossier may lock in the other order; the database
        // aborts one of the two, and the whole command runs again from the start.
        if (attempt >= 3 || !isRetryable(error)) throw error;
      }
    }
  }

  /** An applicant's online submission (status 1) or a dossier registered at a desk. */
  async submit(actor: Actor, input: SubmissionInput, channel: Channel): Promise<DossierRecord> {
    const catalogue = this.context.catalogue();
    const procedure = catalogue.requireProcedure(input.procedure);
    const agencyId = this.receivingAgency(actor, procedure, input.agency);
    this.validateSubmission(procedure, input);
    const agency = catalogue.requireAgency(agencyId);
    return this.command(actor, async (tx) => {
      const dossier = await this.insertDossier(tx, actor, input, channel, procedure, agencyId, agency.unitCode);
      if (channel === 2) await notifyApplicant(tx, this.context, dossier, 'dossier-submitted');
      return dossier;
    });
  }

  private async insertDossier(
    tx: Db,
    actor: Actor,
    input: SubmissionInput,
    channel: Channel,
    procedure: ProcedureVersion,
    agencyId: string,
    unitCode: string,
  ): Promise<DossierRecord> {
    const now = this.context.clock.now();
    const code = await this.context.codes.next(tx, unitCode, localDate(now, this.context.calendar.data.utcOffsetMinutes));
    const { rows } = await tx.query(
      `INSERT INTO dossiers (id, code, procedure_code, procedure_version, receiving_agency_id, channel, status, applicant_name,
         applicant_id_number, applicant_phone, applicant_email, applicant_address, form_data, submitted_at, complete_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11, $12, $13, $13, $13) RETURNING *`,
      [
        randomUUID(),
        code,
        procedure.code,
        procedure.version,
        agencyId,
        channel,
        input.applicant.name.trim(),
        input.applicant.idNumber.trim(),
        input.applicant.phone?.trim() || null,
        input.applicant.email?.trim() || null,
        input.applicant.address?.trim() || null,
        JSON.stringify(input.formData),
        now.toISOString(),
      ],
    );
    const dossier = toDossier(rows[0]!);
    await tx.query(`INSERT INTO dossier_timeline (dossier_id, at, status, action, note) VALUES ($1, $2, 1, 'submit', NULL)`, [dossier.id, now.toISOString()]);
    await appendAudit(tx, {
      actor: auditName(actor),
      action: 'dossier.submit',
      entityType: 'dossier',
      entityId: dossier.id,
      dossierCode: code,
      before: null,
      after: { status: 1, procedure: procedure.code, version: procedure.version, channel, agency: agencyId },
      at: now,
    });
    await this.context.engine.createInstance(
      procedure.processId,
      { dossierCode: code, procedure: procedure.code, channel, receivingAgency: agencyId },
      { tx, processKey: procedure.processKey },
    );
    return dossier;
  }

  /** A desk officer registers an in-person (or postal) dossier and takes its reception step. */
  async register(actor: Actor, input: SubmissionInput & { channel?: 1 | 3; outcome?: 'accept' }): Promise<DossierRecord> {
    assertOfficer(actor, ['desk']);
    const catalogue = this.context.catalogue();
    const procedure = catalogue.requireProcedure(input.procedure);
    const agencyId = this.receivingAgency(actor, procedure, input.agency);
    if (agencyId !== actor.agencyId) throw new AppError('FORBIDDEN', 'Cán bộ chỉ tiếp nhận hồ sơ tại cơ quan của mình.');
    this.validateSubmission(procedure, input);
    return this.command(actor, async (tx) => {
      const dossier = await this.insertDossier(tx, actor, input, input.channel ?? 1, procedure, agencyId, catalogue.requireAgency(agencyId).unitCode);
      const { rows } = await tx.query(`SELECT * FROM dossier_tasks WHERE dossier_id = $1 AND step_kind = 'receive' AND state = 'open' LIMIT 1`, [dossier.id]);
      const task = rows[0] ? toTask(rows[0]) : undefined;
      if (task) {
        await this.context.engine.assignUserTask(task.taskKey, actor.username, { tx });
        if (input.outcome === 'accept') await this.completeIn(tx, actor, task.taskKey, { outcome: 'accept', formData: {} });
      }
      return requireDossierByCode(tx, dossier.code);
    });
  }

  async claim(actor: Actor, taskKey: string): Promise<TaskRecord> {
    return this.command(actor, async (tx) => {
      const task = await this.lockOpenTask(tx, actor, taskKey);
      if (task.assignee === actor.username) return task;
      if (task.assignee) throw new AppError('CONFLICT', `Công việc đã được cán bộ «${task.assignee}» nhận xử lý.`);
      await this.context.engine.assignUserTask(taskKey, actor.username, { tx });
      const { rows } = await tx.query('SELECT * FROM dossier_tasks WHERE task_key = $1', [taskKey]);
      return toTask(rows[0]!);
    });
  }

  /**
   * Give an open step to a colleague (REASSIGNING_ROLES of the step's agency may), whoever
   * holds it now. The colleague must be an active officer of that agency with the step's role.
   */
  async reassign(actor: Actor, taskKey: string, username: string): Promise<TaskRecord> {
    assertOfficer(actor, REASSIGNING_ROLES);
    const assignee = username.trim().toLowerCase();
    return this.command(actor, async (tx) => {
      const task = await this.lockOpenTask(tx, actor, taskKey, assertMayReassign);
      await this.assertColleague(tx, task, assignee);
      if (task.assignee === assignee) return task;
      await this.context.engine.assignUserTask(taskKey, assignee, { tx });
      const { rows } = await tx.query('SELECT t.*, d.code FROM dossier_tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE t.task_key = $1', [taskKey]);
      await appendAudit(tx, {
        actor: auditName(actor),
        action: 'task.reassign',
        entityType: 'task',
        entityId: taskKey,
        dossierCode: rows[0]!.code as string,
        before: { step: task.name, assignee: task.assignee },
        after: { step: task.name, assignee },
        at: this.context.clock.now(),
      });
      return toTask(rows[0]!);
    });
  }

  private async assertColleague(tx: Db, task: TaskRecord, username: string): Promise<void> {
    const { rows } = await tx.query<{ roles: string[] }>(`SELECT roles FROM users WHERE username = $1 AND kind = 'officer' AND active AND agency_id = $2`, [username, task.agencyId]);
    const message = !rows[0]
      ? `«${username}» không phải cán bộ đang làm việc tại cơ quan xử lý bước «${task.name}».`
      : rows[0].roles.includes(task.role)
        ? undefined
        : `Bước «${task.name}» do cán bộ có vai trò «${roleLabel(task.role)}» thực hiện; «${username}» không có vai trò này.`;
    if (message) throw new AppError('VALIDATION_FAILED', 'Không thể chuyển công việc cho cán bộ này.', { fields: [{ path: '/assignee', message }] });
  }

  /**
   * Finish a step with the officer's decision. The decision's consequences for
   * the dossier (clock start, supplement pause, refusal, payment, return) are
   * applied here; the model then routes on `outcome`.
   */
  async complete(actor: Actor, taskKey: string, input: { outcome: string; formData?: Record<string, unknown> }): Promise<void> {
    await this.command(actor, (tx) => this.completeIn(tx, actor, taskKey, input));
  }

  private async completeIn(tx: Db, actor: Actor, taskKey: string, input: { outcome: string; formData?: Record<string, unknown> }): Promise<void> {
    const formData = input.formData ?? {};
    const task = await this.lockOpenTask(tx, actor, taskKey);
    if (task.assignee && task.assignee !== actor.username) {
      throw new AppError('CONFLICT', `Công việc đã được cán bộ «${task.assignee}» nhận xử lý.`);
    }
    if (!task.outcomes.some((o) => o.value === input.outcome)) {
      throw new AppError('VALIDATION_FAILED', 'Kết quả xử lý không hợp lệ.', {
        fields: [{ path: '/outcome', message: `Kết quả xử lý phải là một trong: ${task.outcomes.map((o) => `«${o.label}»`).join(', ')}.` }],
      });
    }
    if (task.form) this.assertValid(task.form, { ...formData, outcome: input.outcome }, '/formData');
    const { rows } = await tx.query('SELECT * FROM dossiers WHERE id = $1', [task.dossierId]);
    const dossier = toDossier(rows[0]!);
    const variables = await this.decide(tx, task, dossier, input.outcome, formData);
    await tx.query(
      `UPDATE dossier_tasks SET completed_by = $2, outcome = $3, form_data = $4, assignee = coalesce(assignee, $2) WHERE task_key = $1`,
      [taskKey, actor.username, input.outcome, JSON.stringify(formData)],
    );
    await appendAudit(tx, {
      actor: auditName(actor),
      action: 'task.complete',
      entityType: 'task',
      entityId: taskKey,
      dossierCode: dossier.code,
      before: { state: 'open', step: task.name },
      after: { state: 'completed', outcome: input.outcome, formData },
      at: this.context.clock.now(),
    });
    await this.context.engine.completeUserTask(taskKey, { ...(formData as Variables), ...variables, outcome: input.outcome }, { tx });
  }

  private async decide(tx: Db, task: TaskRecord, dossier: DossierRecord, outcome: string, formData: Record<string, unknown>): Promise<Variables> {
    const now = this.context.clock.now();
    const reason = text(formData.reason) ?? text(formData.opinion);
    if (outcome === SUPPLEMENT_OUTCOME) {
      const components = Array.isArray(formData.componentsToAdd) ? formData.componentsToAdd.map(String) : [];
      await applyAction(tx, this.context, dossier, 'requestSupplement', {
        supplementReason: reason ?? 'Hồ sơ chưa đầy đủ',
        supplementComponents: components,
        ...(dossier.receivedAt ? { pausedAt: now } : {}),
      }, { note: reason });
      return {};
    }
    switch (`${task.stepKind}:${outcome}`) {
      case 'receive:accept': {
        const procedure = this.procedureOf(dossier).metadata;
        const limit = dossier.channel !== 2 && procedure.limitOnPaper ? procedure.limitOnPaper : procedure.limit;
        const receivedAt = this.context.calendar.normalizeStart(dossier.completeAt);
        const dueAt = this.context.calendar.dueDate(dossier.completeAt, limit);
        await applyAction(tx, this.context, dossier, 'accept', { receivedAt, receivedBy: task.assignee ?? null, dueAt });
        return { dueAt: dueAt.toISOString(), receivedAt: receivedAt.toISOString() };
      }
      case 'receive:refuse':
        await applyAction(tx, this.context, dossier, 'refuse', { refusalReason: reason ?? null, endedAt: now, endReason: reason ?? null }, { note: reason });
        return {};
      case 'process:refuse':
      case 'approve:reject':
        await this.updateOnly(tx, dossier, { result: 'refused', refusalReason: reason ?? null });
        return { result: 'refused' };
      case 'approve:approve':
        await this.updateOnly(tx, dossier, { result: 'approved' });
        return { result: 'approved' };
      case 'payment:paid':
        await applyAction(tx, this.context, dossier, 'pay', { paidAt: now, feeAmount: typeof formData.amount === 'number' ? formData.amount : dossier.feeAmount });
        return {};
      case 'return:returned':
        await applyAction(tx, this.context, dossier, 'return', { returnedAt: now, endedAt: now });
        return {};
      default:
        return {};
    }
  }

  private async updateOnly(tx: Db, dossier: DossierRecord, changes: DossierChanges): Promise<void> {
    await updateDossier(tx, this.context.calendar, dossier, changes, this.context.clock.now());
  }

  /** The applicant (or the desk on their behalf) hands in what was asked for; the clock resumes. */
  async provideSupplement(actor: Actor, code: string, note?: string): Promise<DossierRecord> {
    return this.command(actor, async (tx) => {
      const dossier = await requireDossierByCode(tx, code, true);
      const now = this.context.clock.now();
      let updated: DossierRecord;
      if (!dossier.receivedAt) {
        updated = await applyAction(tx, this.context, dossier, 'supplementProvided', { completeAt: now, pausedAt: null }, { resumeTo: 1, note: note ?? null });
      } else {
        const procedure = this.procedureOf(dossier).metadata;
        const limit = dossier.channel !== 2 && procedure.limitOnPaper ? procedure.limitOnPaper : procedure.limit;
        const dueAt = dossier.dueAt && dossier.pausedAt
          ? resumedDue(this.context.calendar, procedure.supplementPolicy, limit, dossier.dueAt, dossier.pausedAt, now)
          : dossier.dueAt;
        updated = await applyAction(tx, this.context, dossier, 'supplementProvided', { pausedAt: null, dueAt }, { resumeTo: 4, note: note ?? null });
      }
      await this.context.engine.publishMessage({ name: SUPPLEMENT_MESSAGE, correlationKey: code, variables: { supplementedAt: now.toISOString() } }, { tx });
      return updated;
    });
  }

  /** Withdrawal at the applicant's request (status 7): the process stops and open steps leave the inboxes. */
  async withdraw(actor: Actor, code: string, reason: string | undefined): Promise<DossierRecord> {
    return this.end(actor, code, 'withdraw', reason ?? 'Công dân yêu cầu rút hồ sơ');
  }

  /** Stop processing (status 8, form 05): an officer of an agency that works the dossier, with a reason. */
  async stop(actor: Actor, code: string, reason: string): Promise<DossierRecord> {
    assertOfficer(actor, ['leader', 'desk']);
    if (!reason?.trim()) throw new AppError('VALIDATION_FAILED', 'Cần nêu lý do dừng xử lý.', { fields: [{ path: '/reason', message: 'Trường «Lý do» là bắt buộc.' }] });
    return this.end(actor, code, 'stop', reason.trim());
  }

  private async end(actor: Actor, code: string, action: 'withdraw' | 'stop', reason: string): Promise<DossierRecord> {
    return this.command(actor, async (tx) => {
      const dossier = await requireDossierByCode(tx, code, true);
      const now = this.context.clock.now();
      const updated = await applyAction(tx, this.context, dossier, action, { endedAt: now, endReason: reason }, { note: reason });
      if (dossier.instanceKey) await this.context.engine.cancelInstance(dossier.instanceKey, { tx });
      return updated;
    });
  }

  /**
   * Apology with a new date (form 04), once per dossier. The original due date is
   * kept, and reports judge lateness against it.
   */
  async apologize(actor: Actor, code: string, input: { reason: string; newDueAt: Date }): Promise<DossierRecord> {
    assertOfficer(actor, ['leader']);
    return this.command(actor, async (tx) => {
      const dossier = await requireDossierByCode(tx, code, true);
      const fields: FieldError[] = [];
      if (!input.reason?.trim()) fields.push({ path: '/reason', message: 'Trường «Lý do» là bắt buộc.' });
      if (!(input.newDueAt instanceof Date) || Number.isNaN(input.newDueAt.getTime())) fields.push({ path: '/newDueAt', message: '«Ngày hẹn mới» phải là thời điểm hợp lệ.' });
      else if (dossier.dueAt && input.newDueAt <= dossier.dueAt) fields.push({ path: '/newDueAt', message: '«Ngày hẹn mới» phải sau ngày hẹn trả hiện tại.' });
      else if (!this.context.calendar.isWorkingDay(input.newDueAt)) fields.push({ path: '/newDueAt', message: '«Ngày hẹn mới» phải là ngày làm việc.' });
      if (fields.length) throw new AppError('VALIDATION_FAILED', 'Thông tin xin lỗi và hẹn lại chưa hợp lệ.', { fields });
      if (dossier.apologyAt) throw new AppError('CONFLICT', 'Hồ sơ đã được hẹn lại ngày trả kết quả một lần; không được hẹn lại lần nữa.');
      return applyAction(
        tx,
        this.context,
        dossier,
        'apologize',
        { originalDueAt: dossier.dueAt, dueAt: input.newDueAt, apologyAt: this.context.clock.now(), apologyReason: input.reason.trim(), apologyDue: false },
        { note: input.reason.trim(), notify: { newDueAt: input.newDueAt.toISOString(), reason: input.reason.trim() } },
      );
    });
  }

  /** The applicant's satisfaction rating after return (1 very dissatisfied … 5 very satisfied), once. */
  async rate(actor: Actor, code: string, rating: number, comment?: string): Promise<DossierRecord> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      throw new AppError('VALIDATION_FAILED', 'Mức đánh giá không hợp lệ.', { fields: [{ path: '/rating', message: '«Mức độ hài lòng» phải từ 1 đến 5.' }] });
    }
    return this.command(actor, async (tx) => {
      const dossier = await requireDossierByCode(tx, code, true);
      if (dossier.ratedAt) throw new AppError('CONFLICT', 'Hồ sơ đã được đánh giá.');
      return applyAction(tx, this.context, dossier, 'rate', { rating, ratingComment: comment?.trim() || null, ratedAt: this.context.clock.now() });
    });
  }

  /** Store a component's file with its SHA-256; the HTTP layer has checked size and type. */
  async attach(actor: Actor, code: string, input: AttachmentInput): Promise<{ id: string; sha256: string; size: number }> {
    return this.command(actor, async (tx) => {
      const dossier = await requireDossierByCode(tx, code, true);
      const procedure = this.procedureOf(dossier).metadata;
      if (!procedure.components.some((c) => c.code === input.component)) {
        throw new AppError('VALIDATION_FAILED', 'Thành phần hồ sơ không thuộc thủ tục.', {
          fields: [{ path: '/component', message: `Thành phần phải là một trong: ${procedure.components.map((c) => c.code).join(', ')}.` }],
        });
      }
      if ([3, 7, 8, 10].includes(dossier.status)) throw new AppError('INVALID_TRANSITION', 'Hồ sơ đã kết thúc; không thể nộp thêm tệp.');
      const id = randomUUID();
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      const now = this.context.clock.now();
      await tx.query(
        `INSERT INTO dossier_attachments (id, dossier_id, component_code, file_name, media_type, size, sha256, content, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, dossier.id, input.component, input.fileName, input.mediaType, input.content.length, sha256, input.content, auditName(actor), now.toISOString()],
      );
      await appendAudit(tx, {
        actor: auditName(actor),
        action: 'attachment.add',
        entityType: 'attachment',
        entityId: id,
        dossierCode: code,
        before: null,
        after: { component: input.component, fileName: input.fileName, mediaType: input.mediaType, size: input.content.length, sha256 },
        at: now,
      });
      return { id, sha256, size: input.content.length };
    });
  }

  private procedureOf(dossier: DossierRecord): ProcedureVersion {
    return this.context.catalogue().procedureVersion(dossier.procedureCode, dossier.procedureVersion);
  }

  private receivingAgency(actor: Actor, procedure: ProcedureVersion, requested: string | undefined): string {
    const catalogue = this.context.catalogue();
    const desks = catalogue.receivingAgencies(procedure.metadata);
    if (requested) {
      if (!desks.some((a) => a.id === requested)) {
        throw new AppError('VALIDATION_FAILED', 'Cơ quan tiếp nhận không hợp lệ.', {
          fields: [{ path: '/agency', message: `Thủ tục «${procedure.metadata.name}» được tiếp nhận tại: ${desks.map((a) => a.name).join(', ')}.` }],
        });
      }
      return requested;
    }
    if (actor.kind === 'officer' && actor.agencyId && desks.some((a) => a.id === actor.agencyId)) return actor.agencyId;
    if (desks.length === 1) return desks[0]!.id;
    throw new AppError('VALIDATION_FAILED', 'Cần chọn nơi tiếp nhận hồ sơ.', {
      fields: [{ path: '/agency', message: `Chọn một trong: ${desks.map((a) => `${a.id} (${a.name})`).join(', ')}.` }],
    });
  }

  private validateSubmission(procedure: ProcedureVersion, input: SubmissionInput): void {
    const fields = [
      ...this.context.forms.validate('common/applicant', input.applicant ?? {}).map((f) => ({ ...f, path: `/applicant${f.path}` })),
      ...this.context.forms.validate(procedure.metadata.submissionForm, input.formData ?? {}).map((f) => ({ ...f, path: `/formData${f.path}` })),
    ];
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'Dữ liệu hồ sơ chưa hợp lệ; vui lòng kiểm tra các trường được đánh dấu.', { fields });
  }

  private assertValid(formId: string, data: Record<string, unknown>, prefix: string): void {
    const fields = this.context.forms.validate(formId, data).map((f) => ({ ...f, path: `${prefix}${f.path}` }));
    if (fields.length) throw new AppError('VALIDATION_FAILED', 'Dữ liệu xử lý chưa hợp lệ; vui lòng kiểm tra các trường được đánh dấu.', { fields });
  }

  /**
   * Locks the dossier before the step, the order every command follows, so an
   * officer's step and a withdrawal of the same dossier queue instead of deadlocking.
   */
  private async lockOpenTask(tx: Db, actor: Actor, taskKey: string, authorise: (actor: Actor, task: TaskRecord) => void = assertMayWork): Promise<TaskRecord> {
    const found = await tx.query<{ dossier_id: string }>('SELECT dossier_id FROM dossier_tasks WHERE task_key = $1', [taskKey]);
    if (!found.rows[0]) throw new AppError('NOT_FOUND', 'Không tìm thấy công việc.');
    await tx.query('SELECT 1 FROM dossiers WHERE id = $1 FOR UPDATE', [found.rows[0].dossier_id]);
    const { rows } = await tx.query('SELECT * FROM dossier_tasks WHERE task_key = $1 FOR UPDATE', [taskKey]);
    const task = toTask(rows[0]!);
    authorise(actor, task);
    if (task.state !== 'open') throw new AppError('CONFLICT', 'Công việc này đã được xử lý xong hoặc đã bị hủy.');
    return task;
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
