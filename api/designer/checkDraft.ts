import type { ExecutableProcess } from '../../engine/index.js';
import type { FormSchema } from '../../forms/index.js';
import { procedureMetadataProblems } from '../catalogue/index.js';
import type { FieldError } from '../errors.js';
import type { Services } from '../services.js';
import { conventionProblems, type ElementProblem } from './checkConventions.js';
import { designerFormId } from './designerForms.js';
import { vietnameseModelProblem } from './modelProblemText.js';

/** What a designer sends to be checked or deployed: the model, and optionally the metadata and a submission form. */
export interface Draft {
  readonly bpmn: unknown;
  readonly metadata?: unknown;
  readonly form?: unknown;
}

export interface DraftCheck {
  readonly ok: boolean;
  /** Model problems (engine and desk conventions), each on its element. */
  readonly problems: readonly ElementProblem[];
  /** JSON pointers into the metadata. */
  readonly metadataProblems: readonly FieldError[];
  /** JSON pointers into the form schema. */
  readonly formProblems: readonly FieldError[];
  /** The executable processes when the engine took the model; empty otherwise. */
  readonly processes: readonly ExecutableProcess[];
}

/** A catalogue code: lower-case letters, digits and dashes, as folder names and URLs use. */
export const PROCEDURE_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** Check a draft procedure the way a deploy would, without storing anything. */
export async function checkDraft(services: Services, draft: Draft): Promise<DraftCheck> {
  const model = await checkModel(services, draft.bpmn);
  const metadata = isObject(draft.metadata) ? draft.metadata : undefined;
  const problems = [...model.problems, ...model.processes.flatMap((p) => conventionProblems(p, conventionContext(services)))];
  const metadataProblems = draft.metadata === undefined ? [] : checkMetadata(services, withDesignerDefaults(draft.metadata, draft.form), model.processes, draft.form);
  const formProblems = checkForm(services, draft.form, typeof metadata?.code === 'string' ? metadata.code : 'draft');
  return {
    ok: problems.length === 0 && metadataProblems.length === 0 && formProblems.length === 0,
    problems,
    metadataProblems,
    formProblems,
    processes: model.processes,
  };
}

async function checkModel(services: Services, bpmn: unknown): Promise<{ problems: ElementProblem[]; processes: readonly ExecutableProcess[] }> {
  if (typeof bpmn !== 'string' || bpmn.trim() === '') {
    return { problems: [{ elementId: null, code: 'missing-bpmn', message: 'Thiếu mô hình BPMN: cần gửi nội dung XML của quy trình.' }], processes: [] };
  }
  const parsed = await services.engine.validate(bpmn);
  if (!parsed.ok) {
    return { problems: parsed.problems.map((p) => ({ elementId: p.elementId, code: p.code, message: vietnameseModelProblem(p) })), processes: [] };
  }
  return { problems: [], processes: parsed.processes };
}

function conventionContext(services: Services) {
  return { forms: services.forms, agencyKinds: agencyKinds(services) };
}

function agencyKinds(services: Services): Set<string> {
  return new Set(services.catalogue().listAgencies().map((a) => a.kind));
}

/**
 * What a designer need not fill in: the BPMN file name (there is no folder), and the
 * submission form's id when the draft brings its own form (the deploy names it).
 */
export function withDesignerDefaults(metadata: unknown, form: unknown): unknown {
  if (!isObject(metadata)) return metadata;
  const file = metadata.bpmn === undefined ? { bpmn: 'process.bpmn' } : {};
  const placeholder = isObject(form) && !metadata.submissionForm ? { submissionForm: 'designer' } : {};
  return { ...metadata, ...file, ...placeholder };
}

/** procedure.json's own checks, plus what only the running service knows: the code's form, the process, the agency kinds, the form id. */
function checkMetadata(services: Services, raw: unknown, processes: readonly ExecutableProcess[], form: unknown): FieldError[] {
  const code = isObject(raw) && typeof raw.code === 'string' ? raw.code : '';
  const problems = procedureMetadataProblems(raw, code);
  if (!isObject(raw)) return problems;
  if (code && !PROCEDURE_CODE.test(code)) {
    problems.push({ path: '/code', message: `Mã thủ tục «${code}» chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, dài 2–64 ký tự.` });
  }
  if (processes.length > 0 && typeof raw.processId === 'string' && !processes.some((p) => p.id === raw.processId)) {
    problems.push({ path: '/processId', message: `Mô hình không có quy trình «${raw.processId}»; các quy trình có: ${processes.map((p) => p.id).join(', ')}.` });
  }
  const kinds = agencyKinds(services);
  if (Array.isArray(raw.receivingAgencyKinds)) {
    raw.receivingAgencyKinds.forEach((kind, index) => {
      if (typeof kind === 'string' && !kinds.has(kind)) problems.push({ path: `/receivingAgencyKinds/${index}`, message: `Loại cơ quan «${kind}» không có trong cây cơ quan.` });
    });
  }
  const keepsForm = form === undefined || form === null;
  if (keepsForm && typeof raw.submissionForm === 'string' && raw.submissionForm && !services.forms.has(raw.submissionForm)) {
    problems.push({ path: '/submissionForm', message: `Biểu mẫu «${raw.submissionForm}» không có trong hệ thống; hãy chọn biểu mẫu có sẵn hoặc gửi kèm biểu mẫu mới.` });
  }
  return problems;
}

function checkForm(services: Services, form: unknown, code: string): FieldError[] {
  if (form === undefined || form === null) return [];
  if (!isObject(form)) return [{ path: '', message: 'Biểu mẫu phải là một đối tượng JSON Schema.' }];
  return [...services.forms.check(designerFormId(code, form as FormSchema), form)];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
