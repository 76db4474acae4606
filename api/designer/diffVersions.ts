import type { ExecutableProcess } from '../../engine/index.js';
import type { ProcedureVersion } from '../catalogue/index.js';
import type { Services } from '../services.js';
import { diffForms, type FormDiff } from './diffForms.js';
import { diffModels, type ElementDiff } from './diffModel.js';
import { requireVersion } from './procedureVersions.js';

export interface MetadataChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly metadata: MetadataChange[];
  readonly elements: ElementDiff;
  readonly form: FormDiff;
}

/** What changed from one version of a procedure to another: metadata, model elements, submission form fields. */
export async function diffVersions(services: Services, code: string, from: number, to: number): Promise<VersionDiff> {
  const before = requireVersion(services, code, from);
  const after = requireVersion(services, code, to);
  return {
    from,
    to,
    metadata: diffValues(before.metadata, after.metadata, ''),
    elements: diffModels(await processOf(services, before), await processOf(services, after)),
    form: diffForms(formOf(services, before), formOf(services, after)),
  };
}

async function processOf(services: Services, version: ProcedureVersion): Promise<ExecutableProcess | undefined> {
  return (await services.engine.processDefinition(version.processKey))?.model;
}

function formOf(services: Services, version: ProcedureVersion) {
  const id = version.metadata.submissionForm;
  return services.forms.has(id) ? services.forms.schema(id) : undefined;
}

/** Leaf by leaf, by JSON pointer; a value present on one side only is compared with null. */
export function diffValues(before: unknown, after: unknown, path: string): MetadataChange[] {
  if (isContainer(before) || isContainer(after)) {
    const keys = [...new Set([...keysOf(before), ...keysOf(after)])];
    return keys.flatMap((key) => diffValues(childOf(before, key), childOf(after, key), `${path}/${key}`));
  }
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function keysOf(value: unknown): string[] {
  return isContainer(value) ? Object.keys(value) : [];
}

function childOf(value: unknown, key: string): unknown {
  return isContainer(value) ? (value as Record<string, unknown>)[key] : undefined;
}
