import type { FieldError } from '../errors.js';
import type { ProcedureMetadata } from './types.js';

const LIMIT_UNITS = ['workingDays', 'workingHours', 'calendarDays', 'sameDay'];

/** What each field is called on the designer's form; the file's key follows in brackets for whoever edits procedure.json. */
const LABELS: Record<string, string> = {
  code: 'Mã thủ tục',
  nationalCode: 'Mã thủ tục quốc gia',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  limitText: 'Thời hạn giải quyết (ghi cho công dân)',
  submissionForm: 'Biểu mẫu nộp hồ sơ',
  result: 'Kết quả',
  resultPlace: 'Nơi trả kết quả',
  bpmn: 'Tệp quy trình BPMN',
  processId: 'Mã quy trình',
  level: 'Cấp thực hiện',
  receivingAgencyKinds: 'Loại cơ quan tiếp nhận',
  limit: 'Thời hạn giải quyết',
  limitOnPaper: 'Thời hạn khi nộp hồ sơ giấy',
  fee: 'Phí, lệ phí',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  supplementPolicy: 'Cách tính hạn khi bổ sung hồ sơ',
  components: 'Thành phần hồ sơ',
};
const named = (field: string): string => `«${LABELS[field.split('.')[0]!] ?? field}» (${field})`;

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
      problem(`/${field}`, `Trường ${named(field)} phải là chuỗi ký tự${optional ? '' : ' không rỗng'}.`);
    }
  };
  for (const field of ['code', 'nationalCode', 'name', 'field', 'limitText', 'submissionForm', 'result', 'bpmn', 'processId']) text(field);
  text('resultPlace', true);
  if (typeof m.code === 'string' && m.code !== folder) problem('/code', `Trường ${named('code')} là «${m.code}» nhưng thư mục là «${folder}».`);
  if (!['province', 'district', 'commune'].includes(m.level as string)) problem('/level', `Trường ${named('level')} phải là province, district hoặc commune.`);
  if (!Array.isArray(m.receivingAgencyKinds) || m.receivingAgencyKinds.length === 0 || !m.receivingAgencyKinds.every((k) => typeof k === 'string')) {
    problem('/receivingAgencyKinds', `Trường ${named('receivingAgencyKinds')} phải có ít nhất một loại cơ quan.`);
  }
  for (const field of ['limit', 'limitOnPaper']) {
    const limit = m[field] as Record<string, unknown> | undefined;
    if (limit === undefined && field === 'limitOnPaper') continue;
    if (!limit || !LIMIT_UNITS.includes(limit.unit as string)) {
      problem(`/${field}/unit`, `Đơn vị của ${named(`${field}.unit`)} phải là một trong ${LIMIT_UNITS.join(', ')}.`);
    } else if (limit.unit !== 'sameDay' && !(typeof limit.amount === 'number' && limit.amount > 0)) {
      problem(`/${field}/amount`, `Số lượng của ${named(`${field}.amount`)} phải là số dương.`);
    }
  }
  const fee = m.fee as Record<string, unknown> | undefined;
  if (!fee || typeof fee.text !== 'string' || !(fee.amount === null || (typeof fee.amount === 'number' && fee.amount >= 0))) {
    problem('/fee', `Trường ${named('fee')} phải có số tiền (số đồng, hoặc null) và nội dung ghi cho công dân.`);
  }
  if (!['toan-trinh', 'mot-phan'].includes(m.onlineLevel as string)) problem('/onlineLevel', `Trường ${named('onlineLevel')} phải là toan-trinh hoặc mot-phan.`);
  if (!['restart', 'extend'].includes(m.supplementPolicy as string)) problem('/supplementPolicy', `Trường ${named('supplementPolicy')} phải là restart hoặc extend.`);
  if (!Array.isArray(m.components)) {
    problem('/components', `Trường ${named('components')} phải là một danh sách.`);
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
