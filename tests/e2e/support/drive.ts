import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../../../api/seed/demoAccounts.js';
import type { HttpClient, TestApp } from './testApp.js';

const root = process.cwd();

/** A realistic valid applicant and form data for a procedure (the forms' own fixtures). */
export function submissionFor(procedure: string, overrides: { applicant?: Record<string, unknown> } = {}) {
  const applicant = JSON.parse(readFileSync(join(root, 'tests/forms/fixtures/applicant.valid.json'), 'utf8')) as Record<string, unknown>;
  const formData = JSON.parse(readFileSync(join(root, `tests/forms/fixtures/${procedure}.valid.json`), 'utf8')) as Record<string, unknown>;
  return { procedure, applicant: { ...applicant, ...overrides.applicant }, formData };
}

/** The demo officer who works steps of a role at an agency. */
export function officerFor(agencyId: string, role: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.kind === 'officer' && a.agencyId === agencyId && (a.roles as readonly string[]).includes(role));
  if (!account) throw new Error(`Expected a demo officer at ${agencyId} with role ${role}`);
  return account.username;
}

/** Step data an officer would type for each kind of step on the normal path. */
export function stepData(stepKind: string, outcome: string): Record<string, unknown> {
  if (outcome === 'supplement') return { reason: 'Thiếu bản sao giấy tờ tùy thân', componentsToAdd: ['Bản sao căn cước công dân'] };
  if (outcome === 'refuse' || outcome === 'reject') return { reason: 'Hồ sơ không đủ điều kiện theo quy định', opinion: 'Không đủ điều kiện theo quy định' };
  switch (stepKind) {
    case 'payment':
      return { amount: 200000, receiptNumber: 'BL-000123', method: 'cash' };
    case 'return':
      return { method: 'desk', receivedBy: 'Nguyễn Văn An' };
    case 'process':
    case 'approve':
      return { opinion: 'Đủ điều kiện giải quyết' };
    default:
      return {};
  }
}

export interface OpenTask {
  readonly id: string;
  readonly name: string;
  readonly stepKind: string;
  readonly role: string;
  readonly agency: { id: string };
  readonly state: string;
}

export async function openTasks(admin: HttpClient, code: string): Promise<OpenTask[]> {
  const view = await admin.get(`/api/dossiers/${code}`);
  if (view.status !== 200) throw new Error(`Expected the dossier ${code}, but got ${view.status} ${view.text}`);
  return (view.body.tasks as OpenTask[]).filter((t) => t.state === 'open');
}

/** Claim and complete one step as the officer who works it; returns the response of the completion. */
export async function work(t: TestApp, task: OpenTask, outcome: string, formData?: Record<string, unknown>) {
  const officer = await t.login(officerFor(task.agency.id, task.role));
  const claim = await officer.post(`/api/tasks/${task.id}/claim`);
  if (claim.status !== 200) throw new Error(`Expected to claim ${task.name}, but got ${claim.status} ${claim.text}`);
  return officer.post(`/api/tasks/${task.id}/complete`, { outcome, formData: formData ?? stepData(task.stepKind, outcome) });
}

/**
 * Walk a dossier along its normal path: every open step gets its first outcome,
 * until nothing is open. `decide` may pick another outcome for a step.
 */
export async function driveToEnd(t: TestApp, admin: HttpClient, code: string, decide: (task: OpenTask) => string | undefined = () => undefined, maxSteps = 30): Promise<OpenTask[]> {
  const done: OpenTask[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const tasks = await openTasks(admin, code);
    if (tasks.length === 0) return done;
    const task = tasks[0]!;
    const detail = await admin.get(`/api/tasks/${task.id}`);
    const outcome = decide(task) ?? (detail.body.outcomes as { value: string }[])[0]!.value;
    const response = await work(t, task, outcome);
    if (response.status !== 200) throw new Error(`Expected to complete ${task.name} with ${outcome}, but got ${response.status} ${response.text}`);
    done.push(task);
  }
  throw new Error(`Expected dossier ${code} to finish within ${maxSteps} steps`);
}
