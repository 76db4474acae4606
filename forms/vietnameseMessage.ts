/**
 * Vietnamese messages for ajv's failures. There is no Vietnamese ajv-i18n locale, and
 * its messages could not name the field anyway: these do, by the field's `title`.
 */

/** What a message needs to know about one failure. */
export interface MessageContext {
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The field as the user knows it, e.g. `Họ và tên`. */
  readonly label: string;
  /** How an allowed value is shown: its `x-enumNames` entry when there is one. */
  readonly nameOf: (value: unknown) => string;
}

type MessageFor = (context: MessageContext) => string;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'chuỗi ký tự',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'giá trị có hoặc không',
  array: 'danh sách',
  object: 'nhóm thông tin',
  null: 'giá trị rỗng',
};

const FORMAT_MESSAGES: Readonly<Record<string, (label: string) => string>> = {
  date: (label) => `«${label}» phải là ngày hợp lệ (dd/MM/yyyy); dữ liệu gửi lên theo dạng yyyy-MM-dd, ví dụ 2025-03-15`,
  'date-time': (label) => `«${label}» phải là thời điểm hợp lệ theo dạng yyyy-MM-ddTHH:mm:ss+07:00`,
  time: (label) => `«${label}» phải là giờ hợp lệ theo dạng HH:mm:ss+07:00`,
  email: (label) => `«${label}» phải là địa chỉ thư điện tử hợp lệ, ví dụ ten@example.vn`,
  uri: (label) => `«${label}» phải là địa chỉ trang web hợp lệ, ví dụ https://dichvucong.gov.vn`,
  url: (label) => `«${label}» phải là địa chỉ trang web hợp lệ, ví dụ https://dichvucong.gov.vn`,
};

const required: MessageFor = ({ label }) => `Trường «${label}» là bắt buộc`;
const unknownField: MessageFor = ({ label }) => `Trường «${label}» không có trong biểu mẫu này`;

/** Comparisons of formatted values (dates) read as dates; other formats fall back to plain comparisons. */
function formatLimitMessage(onDate: string, otherwise: string): MessageFor {
  return ({ label, params }) => `«${label}» ${isIsoDate(params.limit) ? onDate : otherwise} ${displayValue(params.limit)}`;
}

/**
 * The keywords with a Vietnamese message, most useful first: when one field fails several,
 * the first in this order is the one reported (a missing field before a wrong type, a wrong
 * type before a wrong format…). These are also the keys an `x-message` object may use.
 */
const MESSAGES: ReadonlyArray<readonly [keyword: string, message: MessageFor]> = [
  ['required', required],
  ['dependentRequired', required],
  ['type', ({ label, params }) => `«${label}» phải là ${typeNames(params.type)}`],
  ['additionalProperties', unknownField],
  ['unevaluatedProperties', unknownField],
  ['const', ({ label, params, nameOf }) => `«${label}» phải là «${nameOf(params.allowedValue)}»`],
  [
    'enum',
    ({ label, params, nameOf }) =>
      `«${label}» phải là một trong các giá trị: ${asArray(params.allowedValues).map((value) => `«${nameOf(value)}»`).join(', ')}`,
  ],
  [
    'format',
    ({ label, params }) => {
      const format = String(params.format);
      return FORMAT_MESSAGES[format]?.(label) ?? `«${label}» không đúng định dạng ${format}`;
    },
  ],
  ['pattern', ({ label }) => `«${label}» không đúng định dạng`],
  [
    'minLength',
    ({ label, params }) =>
      params.limit === 1 ? `Trường «${label}» không được để trống` : `«${label}» phải có ít nhất ${displayValue(params.limit)} ký tự`,
  ],
  ['maxLength', ({ label, params }) => `«${label}» không được dài quá ${displayValue(params.limit)} ký tự`],
  [
    'minimum',
    ({ label, params }) =>
      params.limit === 0 ? `«${label}» không được là số âm` : `«${label}» phải lớn hơn hoặc bằng ${displayValue(params.limit)}`,
  ],
  ['exclusiveMinimum', ({ label, params }) => `«${label}» phải lớn hơn ${displayValue(params.limit)}`],
  ['maximum', ({ label, params }) => `«${label}» phải nhỏ hơn hoặc bằng ${displayValue(params.limit)}`],
  ['exclusiveMaximum', ({ label, params }) => `«${label}» phải nhỏ hơn ${displayValue(params.limit)}`],
  ['multipleOf', ({ label, params }) => `«${label}» phải là bội số của ${displayValue(params.multipleOf)}`],
  ['formatMinimum', formatLimitMessage('không được trước ngày', 'phải lớn hơn hoặc bằng')],
  ['formatExclusiveMinimum', formatLimitMessage('phải sau ngày', 'phải lớn hơn')],
  ['formatMaximum', formatLimitMessage('không được sau ngày', 'phải nhỏ hơn hoặc bằng')],
  ['formatExclusiveMaximum', formatLimitMessage('phải trước ngày', 'phải nhỏ hơn')],
  [
    'minItems',
    ({ label, params }) =>
      params.limit === 1 ? `Cần có ít nhất một mục trong «${label}»` : `«${label}» phải có ít nhất ${displayValue(params.limit)} mục`,
  ],
  ['maxItems', ({ label, params }) => `«${label}» không được quá ${displayValue(params.limit)} mục`],
  [
    'uniqueItems',
    ({ label, params }) => {
      const [first, second] = [Number(params.j), Number(params.i)].sort((a, b) => a - b);
      return `«${label}» có mục ${first + 1} và mục ${second + 1} trùng nhau`;
    },
  ],
  ['minProperties', ({ label, params }) => `«${label}» phải có ít nhất ${displayValue(params.limit)} thông tin`],
  ['maxProperties', ({ label, params }) => `«${label}» không được quá ${displayValue(params.limit)} thông tin`],
  ['not', ({ label }) => `«${label}» không hợp lệ`],
  ['anyOf', ({ label }) => `«${label}» không khớp với trường hợp nào được chấp nhận`],
  ['oneOf', ({ label }) => `«${label}» phải khớp với đúng một trường hợp được chấp nhận`],
];

const MESSAGE_BY_KEYWORD: ReadonlyMap<string, MessageFor> = new Map(MESSAGES);

export const MESSAGE_KEYWORDS: readonly string[] = MESSAGES.map(([keyword]) => keyword);

/** Lower is more useful; keywords without a message come last. */
export function usefulness(keyword: string): number {
  const rank = MESSAGE_KEYWORDS.indexOf(keyword);
  return rank === -1 ? MESSAGE_KEYWORDS.length : rank;
}

export function vietnameseMessage(context: MessageContext): string {
  const message = MESSAGE_BY_KEYWORD.get(context.keyword);
  return message ? message(context) : `«${context.label}» không hợp lệ`;
}

/** Fills an `x-message` template: `{title}` is the field's label, `{limit}` the bound it failed. */
export function fillTemplate(template: string, context: MessageContext): string {
  return template.replaceAll('{title}', context.label).replaceAll('{limit}', displayValue(context.params.limit));
}

/** Values as a Vietnamese reader writes them: 1.000.000 for numbers, 15/03/2025 for dates, Có/Không for booleans. */
export function displayValue(value: unknown): string {
  if (typeof value === 'number') return new Intl.NumberFormat('vi-VN').format(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (isIsoDate(value)) return value.split('-').reverse().join('/');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

function typeNames(type: unknown): string {
  return asArray(type)
    .map((name) => TYPE_NAMES[String(name)] ?? String(name))
    .join(' hoặc ');
}

function asArray(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',');
  return [value];
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
