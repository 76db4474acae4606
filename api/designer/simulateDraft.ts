import {
  EngineError,
  ModelRejected,
  ScenarioError,
  simulate,
  toLocalIso,
  type ExecutableElement,
  type ExecutableProcess,
  type ModelProblem,
  type OpenItem,
  type TimeLimit,
  type Trace,
  type Variables,
} from '../../engine/index.js';
import type { FormRegistry } from '../../forms/index.js';
import { stepDue, type Outcome } from '../dossiers/index.js';
import { AppError, type FieldError } from '../errors.js';
import type { Services } from '../services.js';
import { isObject } from './checkDraft.js';
import { withScratchDb } from './scratchDb.js';
import { vietnameseModelProblem } from './modelProblemText.js';
import { asSteps, isInstant, scenarioStepProblems } from './scenarioSteps.js';
import { stepKindOf, stepOutcomes } from './stepOutcomes.js';

export interface SimulationRequest {
  readonly bpmn?: unknown;
  readonly processId?: unknown;
  readonly start?: unknown;
  readonly steps?: unknown;
  /** Optional: the draft's metadata, for the legal limit that step due dates count from. */
  readonly metadata?: unknown;
}

export type OpenChoice =
  | { readonly element: string; readonly name: string; readonly kind: 'userTask'; readonly outcomes: Outcome[] }
  | { readonly element: string; readonly name: string; readonly kind: 'job' }
  | { readonly element: string; readonly name: string; readonly kind: 'message'; readonly message: { readonly name: string; readonly correlationKey: string } };

export type SimulationTrace = Omit<Trace, 'open'> & { readonly open: OpenChoice[] };

/** A test run gives up after this long (a timer cycle advanced over years, say). */
const TIME_LIMIT_MS = 20_000;
/** DOMAIN.md §3: online submissions are accepted or refused within 8 working hours. */
const ONLINE_RECEPTION_HOURS = 8;

/**
 * Test-run a draft model on a scratch database with a virtual clock: never the
 * real catalogue. The trace gets the desk's due dates and, for what is open at the
 * end, the choices the panel can offer next.
 */
export async function simulateDraft(services: Services, request: SimulationRequest): Promise<SimulationTrace> {
  const fields = [...requestProblems(request), ...scenarioStepProblems(request.steps)];
  if (fields.length) throw new AppError('VALIDATION_FAILED', 'Kịch bản chạy thử chưa hợp lệ.', { fields });
  const xml = request.bpmn as string;
  const parsed = await services.engine.validate(xml);
  if (!parsed.ok) throw modelRejected(parsed.problems);
  const processId = processIdOf(request, parsed.processes);
  const start = isObject(request.start) ? request.start : {};
  const scenario = {
    process: processId,
    start: { at: typeof start.at === 'string' ? start.at : toLocalIso(services.clock.now()), variables: (start.variables ?? {}) as Variables },
    steps: asSteps(request.steps),
  };
  const trace = await withScratchDb(TIME_LIMIT_MS, (db) => simulate([{ name: `${processId}.bpmn`, xml }], scenario, { db, calendar: services.calendar })).catch(
    (error: unknown) => {
      throw asAppError(error);
    },
  );
  const failure = trace.failures[0];
  if (failure) {
    throw new AppError('VALIDATION_FAILED', `Bước ${failure.step} của kịch bản không thực hiện được: ${failure.message}`, { details: { step: failure.step, trace } });
  }
  const elements = elementsOf(parsed.processes);
  return {
    ...trace,
    tasks: withDueDates(services, trace, elements, limitOf(services, request.metadata, processId), scenario.start.variables.channel),
    open: trace.open.map((item) => openChoice(item, elements, services.forms)),
  };
}

function requestProblems(request: SimulationRequest): FieldError[] {
  const problems: FieldError[] = [];
  if (typeof request.bpmn !== 'string' || !request.bpmn.trim()) problems.push({ path: '/bpmn', message: 'Thiếu mô hình BPMN: cần gửi nội dung XML của quy trình.' });
  if (request.processId !== undefined && typeof request.processId !== 'string') problems.push({ path: '/processId', message: '«processId» phải là mã quy trình.' });
  if (request.start !== undefined && !isObject(request.start)) problems.push({ path: '/start', message: '«start» phải là một đối tượng { at, variables }.' });
  const start = isObject(request.start) ? request.start : {};
  if (start.at !== undefined && !isInstant(start.at)) problems.push({ path: '/start/at', message: '«start.at» phải là thời điểm ISO 8601, ví dụ 2026-03-02T08:00:00+07:00.' });
  if (start.variables !== undefined && !isObject(start.variables)) problems.push({ path: '/start/variables', message: '«start.variables» phải là một đối tượng.' });
  return problems;
}

function modelRejected(problems: readonly ModelProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Mô hình BPMN chưa chạy được.', {
    fields: problems.map((p) => ({ path: `/bpmn/${p.elementId}`, message: vietnameseModelProblem(p) })),
  });
}

/** The process asked for, the metadata's, or the first one a dossier can start. */
function processIdOf(request: SimulationRequest, processes: readonly ExecutableProcess[]): string {
  const metadataProcess = isObject(request.metadata) && typeof request.metadata.processId === 'string' ? request.metadata.processId : undefined;
  const wanted = (request.processId as string | undefined) ?? metadataProcess;
  const found = wanted ? processes.find((p) => p.id === wanted) : processes.find((p) => p.noneStart);
  if (!found) {
    const message = wanted ? `Mô hình không có quy trình «${wanted}».` : 'Mô hình không có quy trình nào bắt đầu bằng sự kiện bắt đầu thông thường.';
    throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: '/processId', message }] });
  }
  return found.id;
}

function asAppError(error: unknown): unknown {
  if (error instanceof ModelRejected) return modelRejected(error.problems);
  if (error instanceof ScenarioError) return new AppError('VALIDATION_FAILED', `Kịch bản chạy thử chưa hợp lệ: ${error.message}`);
  if (error instanceof EngineError) return new AppError('VALIDATION_FAILED', `Không chạy thử được quy trình: ${error.message}`);
  return error;
}

function elementsOf(processes: readonly ExecutableProcess[]): Map<string, ExecutableElement> {
  return new Map(processes.flatMap((p) => Object.values(p.elements)).map((e) => [e.id, e]));
}

/** The legal limit the dossier's due date counts from: the draft's metadata, or the catalogue procedure that runs this process. */
function limitOf(services: Services, metadata: unknown, processId: string): TimeLimit | undefined {
  if (isObject(metadata) && isObject(metadata.limit) && typeof metadata.limit.unit === 'string') return metadata.limit as unknown as TimeLimit;
  return services.catalogue().listProcedures().find((p) => p.processId === processId)?.metadata.limit;
}

/**
 * Step due dates as the desk sets them: the model's own, else the step's time share,
 * else the dossier's due date (counted from acceptance, when the first step after
 * reception starts); an online reception step is due within 8 working hours.
 */
function withDueDates(services: Services, trace: Trace, elements: Map<string, ExecutableElement>, limit: TimeLimit | undefined, channel: unknown): Trace['tasks'] {
  const { calendar } = services;
  const headersOf = (element: string) => elements.get(element)?.userTask?.headers ?? {};
  const acceptedAt = trace.tasks
    .filter((t) => stepKindOf(headersOf(t.element)) !== 'receive')
    .map((t) => new Date(t.createdAt))
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const dossierDue = acceptedAt && limit ? calendar.dueDate(acceptedAt, limit) : null;
  return trace.tasks.map((task) => {
    if (task.dueDate) return task;
    const headers = headersOf(task.element);
    const created = new Date(task.createdAt);
    const received = acceptedAt !== undefined && created.getTime() >= acceptedAt.getTime();
    let due = stepDue(calendar, created, { ...(headers.timeShare ? { timeShare: headers.timeShare } : {}), dossierDue: received ? dossierDue : null });
    if (!due && stepKindOf(headers) === 'receive' && channel === 2) due = calendar.addWorkingHours(created, ONLINE_RECEPTION_HOURS);
    return { ...task, dueDate: due ? toLocalIso(due, calendar.data.utcOffsetMinutes) : null };
  });
}

function openChoice(item: OpenItem, elements: Map<string, ExecutableElement>, forms: FormRegistry): OpenChoice {
  const name = elements.get(item.element)?.name ?? item.element;
  if (item.kind === 'message') return { element: item.element, name, kind: 'message', message: { name: item.messageName, correlationKey: item.correlationKey } };
  if (item.kind === 'job') return { element: item.element, name, kind: 'job' };
  return { element: item.element, name, kind: 'userTask', outcomes: stepOutcomes(item.headers, forms) };
}
