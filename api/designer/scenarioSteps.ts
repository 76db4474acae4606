import type { ScenarioStep } from '../../engine/index.js';
import type { FieldError } from '../errors.js';
import { isObject } from './checkDraft.js';

/** A test run may take at most this many steps. */
export const MAX_STEPS = 200;

const STEP_KINDS = ['complete', 'advance', 'advanceTo', 'publish', 'throwError', 'expect'] as const;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Check a test run's steps before anything runs, each problem naming the step by its
 * index (`/steps/3`), so the panel can point at the line to fix.
 */
export function scenarioStepProblems(raw: unknown): FieldError[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return [{ path: '/steps', message: 'Trường «steps» phải là danh sách các bước chạy thử.' }];
  if (raw.length > MAX_STEPS) return [{ path: '/steps', message: `Một lần chạy thử có tối đa ${MAX_STEPS} bước, nhưng nhận được ${raw.length} bước.` }];
  return raw.flatMap((step: unknown, index) => stepProblems(step).map((message) => ({ path: `/steps/${index}`, message: `Bước ${index} của kịch bản: ${message}` })));
}

function stepProblems(step: unknown): string[] {
  if (!isObject(step)) return ['mỗi bước phải là một đối tượng.'];
  const kinds = STEP_KINDS.filter((kind) => kind in step);
  if (kinds.length !== 1) return [`cần đúng một trong ${STEP_KINDS.join(', ')}, nhưng có ${kinds.length ? kinds.join(', ') : 'không có gì'}.`];
  const problems: string[] = [];
  if ('variables' in step && step.variables !== undefined && !isObject(step.variables)) problems.push('«variables» phải là một đối tượng.');
  switch (kinds[0]) {
    case 'complete':
      if (typeof step.complete !== 'string' || !step.complete) problems.push('«complete» phải là mã của bước cần hoàn thành.');
      break;
    case 'advance':
      if (typeof step.advance !== 'string' || !DURATION.test(step.advance)) problems.push(`«advance» phải là khoảng thời gian ISO 8601 như PT4H hoặc P1D, nhưng nhận được «${String(step.advance)}».`);
      break;
    case 'advanceTo':
      if (typeof step.advanceTo !== 'string' || !INSTANT.test(step.advanceTo)) problems.push(`«advanceTo» phải là thời điểm ISO 8601 như 2026-03-02T08:00:00+07:00, nhưng nhận được «${String(step.advanceTo)}».`);
      break;
    case 'publish':
      if (!isObject(step.publish) || typeof step.publish.name !== 'string' || !['string', 'number'].includes(typeof step.publish.correlationKey)) {
        problems.push('«publish» phải có «name» (tên thông điệp) và «correlationKey».');
      }
      break;
    case 'throwError':
      if (typeof step.throwError !== 'string' || typeof step.code !== 'string') problems.push('«throwError» phải là mã của bước và đi kèm «code» (mã lỗi).');
      break;
    case 'expect':
      if (!isObject(step.expect)) problems.push('«expect» phải là một đối tượng.');
      break;
  }
  return problems;
}

export function isInstant(text: unknown): text is string {
  return typeof text === 'string' && INSTANT.test(text) && !Number.isNaN(new Date(text).getTime());
}

export function asSteps(raw: unknown): ScenarioStep[] {
  return Array.isArray(raw) ? (raw as ScenarioStep[]) : [];
}
