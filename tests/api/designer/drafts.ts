import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();

export interface DraftProcedure {
  readonly metadata: Record<string, unknown>;
  readonly bpmn: string;
}

/** A shipped procedure as a designer would load it: its procedure.json and its BPMN. */
export function shippedDraft(code: string): DraftProcedure {
  const metadata = JSON.parse(readFileSync(join(root, 'processes', code, 'procedure.json'), 'utf8')) as Record<string, unknown>;
  const bpmn = readFileSync(join(root, 'processes', code, metadata.bpmn as string), 'utf8');
  return { metadata, bpmn };
}

/** A shipped submission form, as the form builder would start from it. */
export function shippedForm(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'forms', `${id}.schema.json`), 'utf8')) as Record<string, unknown>;
}

/** The model with one task header's value replaced (the header must exist). */
export function withHeaderValue(xml: string, taskId: string, key: string, value: string): string {
  const start = xml.indexOf(`<bpmn:userTask id="${taskId}"`);
  const end = xml.indexOf('</bpmn:userTask>', start);
  if (start < 0 || end < 0) throw new Error(`Expected a user task '${taskId}' in the model`);
  const task = xml.slice(start, end);
  const changed = task.replace(new RegExp(`<zeebe:header key="${key}" value="[^"]*" />`), `<zeebe:header key="${key}" value="${value}" />`);
  if (changed === task) throw new Error(`Expected a header '${key}' on task '${taskId}'`);
  return xml.slice(0, start) + changed + xml.slice(end);
}

/** The model with one element's name replaced. */
export function withName(xml: string, elementId: string, name: string): string {
  const changed = xml.replace(new RegExp(`(id="${elementId}" name=")[^"]*"`), `$1${name}"`);
  if (changed === xml) throw new Error(`Expected an element '${elementId}' with a name`);
  return changed;
}
