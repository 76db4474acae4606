import { isIsoDateTime } from '../isoFormats.js';
import { stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { Expression, UserTaskDefinition } from '../types.js';
import { readTaskHeaders } from './readJobDefinition.js';

type FormReference = Pick<UserTaskDefinition, 'formKey' | 'formId' | 'externalReference'>;

// Camunda Modeler's embedded forms live in the process as zeebe:userTaskForm.
const EMBEDDED_FORM_KEY = /^camunda-forms:bpmn:/;

/** Reads a user task: native when `zeebe:userTask` is present, job-based otherwise. */
export function readUserTask(owner: Owner, node: ModdleNode, ctx: TransformContext): UserTaskDefinition {
  const native = ctx.extension(owner, node, 'zeebe:UserTask') !== undefined;
  const assignment = ctx.extension(owner, node, 'zeebe:AssignmentDefinition');
  const schedule = ctx.extension(owner, node, 'zeebe:TaskSchedule');
  const value = (source: ModdleNode | undefined, property: string, what: string): Expression | undefined =>
    source ? ctx.expression(owner, stringOf(source, property), what) : undefined;

  return {
    native,
    assignee: value(assignment, 'assignee', 'assignee'),
    candidateGroups: value(assignment, 'candidateGroups', 'candidate groups'),
    candidateUsers: value(assignment, 'candidateUsers', 'candidate users'),
    dueDate: checkDate(owner, value(schedule, 'dueDate', 'due date'), 'due date', ctx),
    followUpDate: checkDate(owner, value(schedule, 'followUpDate', 'follow-up date'), 'follow-up date', ctx),
    priority: readPriority(owner, node, native, ctx),
    ...readForm(owner, node, native, ctx),
    headers: readTaskHeaders(owner, node, ctx),
  };
}

function checkDate(owner: Owner, date: Expression | undefined, what: string, ctx: TransformContext): Expression | undefined {
  if (date?.kind === 'static' && !isIsoDateTime(date.value)) {
    ctx.report(owner.id, 'invalid-date', `Expected an ISO 8601 date-time with a zone such as '2025-01-31T17:00:00+07:00' for the ${what} of ${owner.label}, but got '${date.value}'`);
    return undefined;
  }
  return date;
}

function readPriority(owner: Owner, node: ModdleNode, native: boolean, ctx: TransformContext): Expression | undefined {
  const definition = ctx.extension(owner, node, 'zeebe:PriorityDefinition');
  if (!definition) return undefined;
  if (!native) {
    ctx.report(owner.id, 'unsupported-priority', `Expected no zeebe:priorityDefinition on ${owner.label}: priorities need a native user task (zeebe:userTask)`);
    return undefined;
  }
  const priority = ctx.expression(owner, stringOf(definition, 'priority'), 'priority');
  if (priority?.kind === 'static' && !(/^\d+$/.test(priority.value) && Number(priority.value) <= 100)) {
    ctx.report(owner.id, 'invalid-priority', `Expected a priority between 0 and 100 on ${owner.label}, but got '${priority.value}'`);
    return undefined;
  }
  return priority;
}

function readForm(owner: Owner, node: ModdleNode, native: boolean, ctx: TransformContext): FormReference {
  const definition = ctx.extension(owner, node, 'zeebe:FormDefinition');
  if (!definition) return {};
  const form: FormReference = {
    formKey: ctx.staticValue(owner, stringOf(definition, 'formKey'), 'form key'),
    formId: ctx.staticValue(owner, stringOf(definition, 'formId'), 'form id'),
    externalReference: ctx.staticValue(owner, stringOf(definition, 'externalReference'), 'external form reference'),
  };
  const given = Object.entries(form).filter(([, reference]) => reference !== undefined).map(([name]) => name);
  if (given.length > 1) {
    ctx.report(owner.id, 'ambiguous-form', `Expected one form reference on ${owner.label}, but found ${given.join(' and ')}`);
  }
  if (form.formKey !== undefined && EMBEDDED_FORM_KEY.test(form.formKey)) {
    ctx.report(owner.id, 'unsupported-embedded-form', `Expected a linked form (formId) on ${owner.label}, but the form key '${form.formKey}' points to an embedded form, which is not supported`);
  } else if (native && form.formKey !== undefined) {
    ctx.report(owner.id, 'unsupported-form-reference', `Expected a formId or externalReference on native ${owner.label}, but got the job-based formKey '${form.formKey}'`);
  }
  if (!native && form.externalReference !== undefined) {
    ctx.report(owner.id, 'unsupported-form-reference', `Expected a formKey or formId on job-based ${owner.label}, but got an externalReference, which needs a native user task (zeebe:userTask)`);
  }
  return form;
}
