import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Application } from '../../api/Application.js';
import type { ProcedureVersion } from '../../api/catalogue/index.js';
import { citizenActor, type Actor } from '../../api/dossiers/index.js';
import { DEMO_ACCOUNTS } from '../../api/seed/demoAccounts.js';
import { localDate, type Db, type TimeLimit } from '../../engine/index.js';
import { stepData } from '../../tests/e2e/support/drive.js';
import { mulberry32 } from './stats.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What one service-written dossier stands for: where it was received, under
 * which procedure, and where along its path it was left.
 */
interface Template {
  readonly id: string;
  readonly agencyId: string;
  readonly procedure: string;
  readonly end: 'open' | 'returned' | 'refused' | 'supplement' | 'withdrawn';
  /** Steps completed before it was left (for `open`). */
  readonly stage: number;
  /** Whether its open steps were claimed by an officer. */
  readonly claimed: boolean;
  readonly submittedAt: Date;
  /** Service commands it took (submit, claim, complete, withdraw). */
  readonly commands: number;
}

export interface LoadResult {
  readonly before: number;
  readonly total: number;
  readonly service: { readonly dossiers: number; readonly commands: number; readonly ms: number };
  readonly cloned: { readonly dossiers: number; readonly tasks: number; readonly ms: number };
  readonly analyzeMs: number;
  /** What loading every dossier of the same mix through the service layer would take at the measured rate. */
  readonly projectedServiceMs: number;
}

/**
 * Assumed shares, not measured ones: busier wards get more, the province-level
 * desks fewer; within a ward, certification of copies and birth registration dominate.
 */
const AGENCY_WEIGHT: Readonly<Record<string, number>> = { 'hai-chau': 1.2, 'thanh-khe': 1, 'hoa-vang': 0.6, ttphc: 0.5, catp: 0.4 };
const PROCEDURE_WEIGHT: Readonly<Record<string, number>> = {
  'chung-thuc-ban-sao': 35,
  'khai-sinh': 25,
  'doi-giay-phep-lai-xe': 20,
  'ly-lich-tu-phap': 10,
  'dang-ky-ho-kinh-doanh': 10,
  'lien-thong-khai-sinh-thuong-tru-bhyt': 10,
  'giay-phep-xay-dung-nha-o': 5,
};
const HISTORY_DAYS = 365;

/**
 * Load the database up to `target` dossiers. A few hundred dossiers go through
 * the service layer, one per receiving agency, procedure and point along the
 * normal path (plus refused, waiting for papers, withdrawn): real rows with
 * engine state, audit and outbox. The rest are set-based copies of those rows
 * (dossiers and dossier_tasks only) moved back in time over the past year, so
 * the inbox reads tables of the intended size with the service's own values.
 */
export async function loadDossiers(app: Application, db: Db, target: number, log: (line: string) => void): Promise<LoadResult> {
  const before = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM dossiers')).rows[0]!.n);

  const serviceStarted = performance.now();
  const templates = await writeTemplates(app, db);
  const service = { dossiers: templates.length, commands: templates.reduce((n, t) => n + t.commands, 0), ms: performance.now() - serviceStarted };
  log(`  service layer: ${templates.length} dossiers, ${service.commands} commands in ${(service.ms / 1000).toFixed(1)} s (${((service.commands / service.ms) * 1000).toFixed(0)} commands/s)`);

  const clones = Math.max(0, target - before - templates.length);
  const plan = planClones(app, templates, clones);
  const cloneStarted = performance.now();
  const tasks = clones > 0 ? await writeClones(db, plan, app.services.calendar.data.utcOffsetMinutes) : 0;
  const cloneMs = performance.now() - cloneStarted;

  const analyzeStarted = performance.now();
  // What autovacuum would do on a server after a bulk load; PGlite has no autovacuum at all.
  await db.query('ANALYZE dossiers');
  await db.query('ANALYZE dossier_tasks');
  const analyzeMs = performance.now() - analyzeStarted;

  const commandsPerMs = service.commands / service.ms;
  const byId = new Map(templates.map((t) => [t.id, t]));
  const mixCommands = templates.reduce((n, t) => n + t.commands, 0) + plan.templateIds.reduce((n, id) => n + byId.get(id)!.commands, 0);
  return {
    before,
    total: before + templates.length + clones,
    service,
    cloned: { dossiers: clones, tasks, ms: cloneMs },
    analyzeMs,
    projectedServiceMs: mixCommands / commandsPerMs,
  };
}

async function writeTemplates(app: Application, db: Db): Promise<Template[]> {
  const { services } = app;
  const catalogue = services.catalogue();
  const applicant = fixture('applicant') as { name: string; idNumber: string };
  const templates: Template[] = [];

  for (const procedure of catalogue.listProcedures()) {
    const formData = fixture(procedure.code);
    for (const agency of catalogue.receivingAgencies(procedure.metadata)) {
      let commands = 0;
      const submit = async () => {
        commands += 1;
        return services.dossiers.submit(citizenActor(applicant.name), { procedure: procedure.code, agency: agency.id, applicant, formData }, 2);
      };
      const step = async (dossierId: string, outcome?: string): Promise<boolean> => {
        const [task] = await openTasks(db, dossierId);
        if (!task) return false;
        const value = outcome ?? task.outcomes[0]!.value;
        if (!task.outcomes.some((o) => o.value === value)) return false;
        const actor = officer(task.agency_id, task.role);
        await services.dossiers.claim(actor, task.task_key);
        await services.dossiers.complete(actor, task.task_key, { outcome: value, formData: formDataFor(task.step_kind, value) });
        commands += 2;
        return true;
      };
      const keep = (dossier: { id: string; submittedAt: Date }, end: Template['end'], stage: number, claimed: boolean) => {
        templates.push({ id: dossier.id, agencyId: agency.id, procedure: procedure.code, end, stage, claimed, submittedAt: dossier.submittedAt, commands });
        commands = 0;
      };

      // The normal path once to its end tells how many steps it has.
      const finished = await submit();
      let length = 0;
      while (length < 30 && (await step(finished.id))) length += 1;
      const status = Number((await db.query<{ status: number }>('SELECT status FROM dossiers WHERE id = $1', [finished.id])).rows[0]!.status);
      if (status !== 10) throw new Error(`Expected ${procedure.code} at ${agency.id} to end returned (10) along its normal path, but it ended in status ${status}`);
      keep(finished, 'returned', length, false);

      for (let stage = 0; stage < length; stage++) {
        for (const claimed of [false, true]) {
          const dossier = await submit();
          for (let i = 0; i < stage; i++) await step(dossier.id);
          if (claimed) {
            for (const task of await openTasks(db, dossier.id)) {
              await services.dossiers.claim(officer(task.agency_id, task.role), task.task_key);
              commands += 1;
            }
          }
          keep(dossier, 'open', stage, claimed);
        }
      }

      const refused = await submit();
      if (await step(refused.id, 'refuse')) keep(refused, 'refused', 1, false);
      else commands = 0;
      const waiting = await submit();
      if (await step(waiting.id, 'supplement')) keep(waiting, 'supplement', 1, false);
      else commands = 0;
      const withdrawn = await submit();
      await services.dossiers.withdraw(citizenActor(applicant.name), withdrawn.code, 'Công dân yêu cầu rút hồ sơ');
      commands += 1;
      keep(withdrawn, 'withdrawn', 0, false);
    }
  }
  return templates;
}

interface OpenTaskRow {
  task_key: string;
  step_kind: string;
  role: string;
  agency_id: string;
  outcomes: { value: string }[];
}

async function openTasks(db: Db, dossierId: string): Promise<OpenTaskRow[]> {
  const { rows } = await db.query<OpenTaskRow>(
    `SELECT task_key, step_kind, role, agency_id, outcomes FROM dossier_tasks WHERE dossier_id = $1 AND state = 'open' ORDER BY created_at, task_key`,
    [dossierId],
  );
  return rows;
}

function officer(agencyId: string, role: string): Actor {
  const account = DEMO_ACCOUNTS.find((a) => a.kind === 'officer' && a.agencyId === agencyId && (a.roles as readonly string[]).includes(role));
  if (!account) throw new Error(`Expected a demo officer at ${agencyId} with role ${role}`);
  return { kind: 'officer', username: account.username, fullName: account.fullName, agencyId: account.agencyId, roles: [...account.roles] };
}

/** The desk's reception form has a reason but no opinion field; the other steps take drive.ts's data as it is. */
function formDataFor(stepKind: string, outcome: string): Record<string, unknown> {
  const data = stepData(stepKind, outcome);
  if (stepKind === 'receive' && outcome === 'refuse') delete data.opinion;
  return data;
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'tests', 'forms', 'fixtures', `${name}.valid.json`), 'utf8')) as Record<string, unknown>;
}

interface ClonePlan {
  readonly templateIds: string[];
  /** Seconds to add to every timestamp of the template (negative: into the past). */
  readonly shifts: number[];
}

/**
 * Where each copy lands: a receiving agency and procedure by weight, a working
 * day of the past year with a time in office hours, and how far it has got,
 * which depends on its age against the procedure's time limit — most dossiers
 * younger than the limit are still open, a few stay open well past it.
 */
function planClones(app: Application, templates: readonly Template[], clones: number): ClonePlan {
  const { calendar } = app.services;
  const offset = calendar.data.utcOffsetMinutes;
  const catalogue = app.services.catalogue();
  const random = mulberry32(20260302);
  const now = Date.now();

  const days: number[] = [];
  for (let back = 0; back < HISTORY_DAYS; back++) {
    const date = localDate(new Date(now - back * 86_400_000), offset);
    if (!calendar.isWorkingDay(date)) continue;
    days.push(Date.parse(`${date}T00:00:00Z`) - offset * 60_000);
  }
  const opening = 7.5 * 3600_000;
  const closing = 16.75 * 3600_000;

  const pairs = new Map<string, { weight: number; limitDays: number; templates: Template[] }>();
  for (const t of templates) {
    const key = `${t.agencyId} ${t.procedure}`;
    const pair = pairs.get(key) ?? { weight: 0, limitDays: limitDays(catalogue.requireProcedure(t.procedure)), templates: [] };
    pair.templates.push(t);
    pairs.set(key, pair);
  }
  const perAgency = new Map<string, number>();
  for (const key of pairs.keys()) {
    const [agency, procedure] = key.split(' ') as [string, string];
    perAgency.set(agency, (perAgency.get(agency) ?? 0) + (PROCEDURE_WEIGHT[procedure] ?? 5));
  }
  for (const [key, pair] of pairs) {
    const [agency, procedure] = key.split(' ') as [string, string];
    pair.weight = ((AGENCY_WEIGHT[agency] ?? 0.5) * (PROCEDURE_WEIGHT[procedure] ?? 5)) / perAgency.get(agency)!;
  }
  const weighted = [...pairs.values()];
  const totalWeight = weighted.reduce((n, p) => n + p.weight, 0);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const plan: ClonePlan = { templateIds: [], shifts: [] };
  for (let i = 0; i < clones; i++) {
    let r = random() * totalWeight;
    const pair = weighted.find((p) => (r -= p.weight) < 0) ?? weighted.at(-1)!;
    const age = Math.floor(random() * days.length);
    const dayStart = days[age]!;
    const latest = Math.min(dayStart + closing, now);
    // A working day whose office has not opened yet gives the earliest moment of its hours.
    const at = latest <= dayStart + opening ? dayStart + opening : dayStart + opening + random() * (latest - dayStart - opening);

    const limit = pair.limitDays;
    const stillOpen = age < limit ? 0.85 : age < limit + 3 ? 0.1 : age < limit + 20 ? 0.01 : 0.001;
    let end: Template['end'];
    if (random() < stillOpen) end = random() < 0.06 ? 'supplement' : 'open';
    else {
      const r2 = random();
      end = r2 < 0.04 ? 'refused' : r2 < 0.06 ? 'withdrawn' : 'returned';
    }
    let candidates = pair.templates.filter((t) => t.end === end);
    if (candidates.length === 0) candidates = pair.templates.filter((t) => t.end === 'returned');
    const template = pick(candidates);
    plan.templateIds.push(template.id);
    plan.shifts.push(Math.min(0, at - template.submittedAt.getTime()) / 1000);
  }
  return plan;
}

/** A procedure's limit as working days, to judge how old a still-open dossier may be. */
function limitDays(procedure: ProcedureVersion): number {
  const limit: TimeLimit = procedure.metadata.limit;
  switch (limit.unit) {
    case 'sameDay':
      return 1;
    case 'workingDays':
      return limit.amount;
    case 'calendarDays':
      return Math.ceil((limit.amount * 5) / 7);
    case 'workingHours':
      return Math.ceil(limit.amount / 8);
  }
}

const CHUNK = 20_000;

/**
 * Copies in one transaction. Columns are read from the catalogue of the
 * database, so a column added by a later migration is copied as well; every
 * timestamptz moves by the copy's shift, which keeps each dossier's own spans
 * (received → due, step created → step due) as the service computed them.
 * Codes follow the unit and local day of the new submission, numbered after
 * what the daily counters already handed out, and the counters are moved on.
 */
async function writeClones(db: Db, plan: ClonePlan, utcOffsetMinutes: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(
      `CREATE TEMP TABLE bench_clone (ord integer PRIMARY KEY, template_id text NOT NULL, shift interval NOT NULL,
         id text, unit_code text, day date, seq bigint, code text) ON COMMIT DROP`,
    );
    for (let start = 0; start < plan.templateIds.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, plan.templateIds.length);
      await tx.query(
        `INSERT INTO bench_clone (ord, template_id, shift)
         SELECT ord, template_id, make_interval(secs => shift) FROM unnest($1::integer[], $2::text[], $3::float8[]) AS p (ord, template_id, shift)`,
        [Array.from({ length: end - start }, (_, i) => start + i + 1), plan.templateIds.slice(start, end), plan.shifts.slice(start, end)],
      );
    }
    await tx.query(
      `WITH placed AS (
         SELECT c.ord, a.unit_code, d.submitted_at + c.shift AS at,
                ((d.submitted_at + c.shift) AT TIME ZONE 'UTC' + make_interval(mins => $1::integer))::date AS day
         FROM bench_clone c JOIN dossiers d ON d.id = c.template_id JOIN agencies a ON a.id = d.receiving_agency_id
       ), numbered AS (
         SELECT p.ord, p.unit_code, p.day,
                coalesce(k.last, 0) + row_number() OVER (PARTITION BY p.unit_code, p.day ORDER BY p.at, p.ord) AS seq
         FROM placed p LEFT JOIN dossier_code_counters k ON k.unit_code = p.unit_code AND k.day = p.day
       )
       UPDATE bench_clone c SET id = gen_random_uuid()::text, unit_code = n.unit_code, day = n.day, seq = n.seq,
         code = n.unit_code || '-' || to_char(n.day, 'YYMMDD') || '-' || lpad(n.seq::text, greatest(4, length(n.seq::text)), '0')
       FROM numbered n WHERE n.ord = c.ord`,
      [utcOffsetMinutes],
    );
    const dossierColumns = await columns(tx, 'dossiers', {
      id: 'c.id',
      code: 'c.code',
      // Copies have no process instance: they are read, never worked.
      instance_key: 'NULL',
      applicant_id_number: `left(d.applicant_id_number, 4) || lpad((c.ord % 100000000)::text, 8, '0')`,
    }, 'd');
    await tx.query(
      `INSERT INTO dossiers (${dossierColumns.names}) SELECT ${dossierColumns.values} FROM bench_clone c JOIN dossiers d ON d.id = c.template_id`,
    );
    const taskColumns = await columns(tx, 'dossier_tasks', {
      task_key: `'c' || lpad(to_hex(c.ord), 7, '0') || left(md5(t.task_key), 8)`,
      dossier_id: 'c.id',
    }, 't');
    const inserted = await tx.query(
      `INSERT INTO dossier_tasks (${taskColumns.names}) SELECT ${taskColumns.values} FROM bench_clone c JOIN dossier_tasks t ON t.dossier_id = c.template_id`,
    );
    await tx.query(
      `INSERT INTO dossier_code_counters (unit_code, day, last) SELECT unit_code, day, max(seq) FROM bench_clone GROUP BY unit_code, day
       ON CONFLICT (unit_code, day) DO UPDATE SET last = greatest(dossier_code_counters.last, EXCLUDED.last)`,
    );
    return inserted.rowCount;
  });
}

async function columns(tx: Db, table: string, overrides: Readonly<Record<string, string>>, alias: string): Promise<{ names: string; values: string }> {
  const { rows } = await tx.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_identity = 'NO' AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  const values = rows.map(({ column_name: name, data_type: type }) =>
    overrides[name] ?? (type === 'timestamp with time zone' ? `${alias}.${name} + c.shift` : `${alias}.${name}`),
  );
  return { names: rows.map((r) => r.column_name).join(', '), values: values.join(', ') };
}

export interface LoadedShape {
  readonly statuses: { status: number; n: number }[];
  readonly tasks: { agency_id: string; role: string; total: number; open: number; overdue: number; due_soon: number; claimed: number }[];
}

/** What the inbox reads: dossiers by status, and steps by agency and role with the inbox's own filters counted. */
export async function loadedShape(db: Db, now: Date, dueSoonUntil: Date): Promise<LoadedShape> {
  const statuses = await db.query<{ status: number; n: number }>('SELECT status, count(*)::integer AS n FROM dossiers GROUP BY status ORDER BY status');
  const tasks = await db.query<LoadedShape['tasks'][number]>(
    `SELECT agency_id, role, count(*)::integer AS total,
            count(*) FILTER (WHERE state = 'open')::integer AS open,
            count(*) FILTER (WHERE state = 'open' AND due_at < $1)::integer AS overdue,
            count(*) FILTER (WHERE state = 'open' AND due_at >= $1 AND due_at <= $2)::integer AS due_soon,
            count(*) FILTER (WHERE state = 'open' AND assignee IS NOT NULL)::integer AS claimed
     FROM dossier_tasks GROUP BY agency_id, role ORDER BY agency_id, role`,
    [now.toISOString(), dueSoonUntil.toISOString()],
  );
  return { statuses: statuses.rows.map((r) => ({ status: Number(r.status), n: Number(r.n) })), tasks: tasks.rows };
}
