import type { ExecutableElement, ExecutableProcess } from '../../engine/index.js';
import type { FormRegistry } from '../../forms/index.js';
import { isStepKind, outcomesOf, parseTimeShare, STEP_KINDS } from '../dossiers/index.js';
import { formOutcomes, stepKindOf } from './stepOutcomes.js';

/** A problem on one element of the model, in Vietnamese. */
export interface ElementProblem {
  readonly elementId: string | null;
  readonly message: string;
  readonly code?: string;
}

export interface ConventionContext {
  readonly forms: FormRegistry;
  /** Kinds of agency in the installation's tree (`commune`, `commune-police`, `justice`…). */
  readonly agencyKinds: ReadonlySet<string>;
}

const ROLES = ['desk', 'specialist', 'leader'];

/**
 * The conventions between a model and the one-stop desk (processes/README.md) that the
 * engine cannot know: step kinds, agencies, time shares, outcomes and step forms.
 */
export function conventionProblems(process: ExecutableProcess, context: ConventionContext): ElementProblem[] {
  return Object.values(process.elements)
    .filter((element) => element.kind === 'userTask' && element.userTask)
    .flatMap((element) => stepProblems(element, context));
}

function stepProblems(element: ExecutableElement, context: ConventionContext): ElementProblem[] {
  const headers = element.userTask!.headers;
  const problem = (code: string, message: string): ElementProblem => ({ elementId: element.id, code, message });
  const found: ElementProblem[] = [];
  if (headers.stepKind !== undefined && !isStepKind(headers.stepKind)) {
    found.push(problem('unknown-step-kind', `Loại bước «${headers.stepKind}» không có; loại bước phải là một trong ${STEP_KINDS.join(', ')}.`));
  }
  if (headers.agency && headers.agency !== 'receiving' && !context.agencyKinds.has(headers.agency)) {
    found.push(problem('unknown-agency-kind', `Cơ quan xử lý «${headers.agency}» không phải «receiving» hay một loại cơ quan có trong cây cơ quan (${[...context.agencyKinds].sort().join(', ')}).`));
  }
  if (headers.timeShare !== undefined && !isPositiveShare(headers.timeShare)) {
    found.push(problem('invalid-time-share', `Thời hạn của bước «${headers.timeShare}» phải là số dương kèm đơn vị d (ngày làm việc) hoặc h (giờ làm việc), ví dụ 1d, 0.5d, 4h.`));
  }
  if (headers.form !== undefined && !context.forms.has(headers.form)) {
    found.push(problem('unknown-form', `Biểu mẫu của bước «${headers.form}» không có trong hệ thống.`));
  }
  found.push(...outcomeProblems(headers, context.forms).map((message) => problem('invalid-outcomes', message)));
  found.push(...roleProblems(element).map((message) => problem('unknown-role', message)));
  return found;
}

function isPositiveShare(text: string): boolean {
  const share = parseTimeShare(text);
  return share !== undefined && 'amount' in share && share.amount > 0;
}

function outcomeProblems(headers: Readonly<Record<string, string>>, forms: FormRegistry): string[] {
  if (headers.outcomes === undefined) return [];
  const values = outcomesOf(stepKindOf(headers), headers.outcomes).map((o) => o.value);
  if (values.length === 0) return ['Danh sách hướng xử lý (outcomes) trống; viết theo dạng giá-trị:Nhãn|giá-trị:Nhãn.'];
  const problems: string[] = [];
  const repeated = values.filter((value, index) => values.indexOf(value) !== index);
  if (repeated.length) problems.push(`Hướng xử lý bị trùng: ${[...new Set(repeated)].join(', ')}.`);
  const allowed = formOutcomes(headers.form, forms)?.map((o) => o.value);
  const outside = allowed ? values.filter((value) => !allowed.includes(value)) : [];
  if (outside.length) {
    problems.push(`Hướng xử lý ${outside.map((v) => `«${v}»`).join(', ')} không có trong biểu mẫu «${headers.form}» (cho phép: ${allowed!.join(', ')}).`);
  }
  return problems;
}

/** Static candidate groups name the role that works the step; an expression is checked at run time. */
function roleProblems(element: ExecutableElement): string[] {
  const groups = element.userTask!.candidateGroups;
  if (groups?.kind !== 'static') return [];
  const unknown = groups.value
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g && !ROLES.includes(g));
  return unknown.length ? [`Vai trò xử lý ${unknown.map((g) => `«${g}»`).join(', ')} không có; vai trò phải là ${ROLES.join(', ')}.`] : [];
}
