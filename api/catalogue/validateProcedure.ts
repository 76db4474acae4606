import type { FieldError } from '../errors.js';
import type { ProcedureMetadata } from './types.js';

const LIMIT_UNITS = ['workingDays', 'workingHours', 'calendarDays', 'sameDay'];

/**
 * Check a procedure.json before anything is imported; every problem names the
 * field, so an administrator can fix the file without reading code.
 */
export function validateProcedureMetadata(raw: unknown, folder: string): { ok: true; metadata: ProcedureMetadata } | { ok: false; problems: string[] } {
  const problems = procedureMetadataProblems(raw, folder);
  return problems.length ? { ok: false, problems: problems.map((p) => p.message) } : { ok: true, metadata: raw as ProcedureMetadata };
}

/** The same checks, each problem with the JSON pointer of its field (`/limit/amount`, `/components/1/code`). */
export function procedureMetadataProblems(raw: unknown, folder: string): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ path: '', message: 'procedure.json phải là một đối tượng JSON.' }];
  }
  const m = raw as Record<string, unknown>;
  const text = (field: string, optional = false) => {
    if (m[field] === undefined && optional) return;
    if (typeof m[field] !== 'string' || (!optional && (m[field] as string).trim() === '' && field !== 'nationalCode')) {
      problem(`/${field}`, `Trường «${field}» phải là chuỗi ký tự${optional ? '' : ' không rỗng'}.`);
    }
  };
  for (const field of ['code', 'nationalCode', 'name', 'field', 'limitText', 'submissionForm', 'result', 'bpmn', 'processId']) text(field);
  text('resultPlace', true);
  if (typeof m.code === 'string' && m.code !== folder) problem('/code', `Trường «code» là «${m.code}» nhưng thư mục là «${folder}».`);
  if (!['province', 'district', 'commune'].includes(m.level as string)) problem('/level', 'Trường «level» phải là province, district hoặc commune.');
  if (!Array.isArray(m.receivingAgencyKinds) || m.receivingAgencyKinds.length === 0 || !m.receivingAgencyKinds.every((k) => typeof k === 'string')) {
    problem('/receivingAgencyKinds', 'Trường «receivingAgencyKinds» phải là danh sách loại cơ quan tiếp nhận, ít nhất một phần tử.');
  }
  for (const field of ['limit', 'limitOnPaper']) {
    const limit = m[field] as Record<string, unknown> | undefined;
    if (limit === undefined && field === 'limitOnPaper') continue;
    if (!limit || !LIMIT_UNITS.includes(limit.unit as string)) {
      problem(`/${field}/unit`, `Trường «${field}.unit» phải là một trong ${LIMIT_UNITS.join(', ')}.`);
    } else if (limit.unit !== 'sameDay' && !(typeof limit.amount === 'number' && limit.amount > 0)) {
      problem(`/${field}/amount`, `Trường «${field}.amount» phải là số dương.`);
    }
  }
  const fee = m.fee as Record<string, unknown> | undefined;
  if (!fee || typeof fee.text !== 'string' || !(fee.amount === null || (typeof fee.amount === 'number' && fee.amount >= 0))) {
    problem('/fee', 'Trường «fee» phải có «amount» (số đồng, hoặc null) và «text».');
  }
  if (!['toan-trinh', 'mot-phan'].includes(m.onlineLevel as string)) problem('/onlineLevel', 'Trường «onlineLevel» phải là toan-trinh hoặc mot-phan.');
  if (!['restart', 'extend'].includes(m.supplementPolicy as string)) problem('/supplementPolicy', 'Trường «supplementPolicy» phải là restart hoặc extend.');
  if (!Array.isArray(m.components)) {
    problem('/components', 'Trường «components» phải là danh sách thành phần hồ sơ.');
  } else {
    const codes = new Set<string>();
    m.components.forEach((c: Record<string, unknown>, i) => {
      if (typeof c?.code !== 'string' || typeof c.name !== 'string') problem(`/components/${i}`, `Thành phần hồ sơ thứ ${i + 1} thiếu «code» hoặc «name».`);
      else if (codes.has(c.code)) problem(`/components/${i}/code`, `Mã thành phần «${c.code}» bị trùng.`);
      else codes.add(c.code);
      if (!Number.isInteger(c?.originals) || !Number.isInteger(c?.copies)) problem(`/components/${i}`, `Thành phần «${String(c?.code)}»: số bản chính và bản sao phải là số nguyên.`);
    });
  }
  return problems;
}
