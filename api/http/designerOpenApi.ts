/**
 * The designer's part of `/openapi.json`: every route requires a signed-in designer or
 * administrator; mutations need the X-CSRF-Token header.
 */
type Schema = Record<string, unknown>;

const session = [{ session: [] }];
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ERRORS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không phải người thiết kế hoặc quản trị (hoặc thiếu mã CSRF)',
  404: 'Không tìm thấy thủ tục hoặc phiên bản',
  422: 'Dữ liệu không hợp lệ, kèm lỗi từng trường (/bpmn/<mã phần tử>, /metadata/<trường>, /form/<con trỏ>, /steps/<chỉ số>)',
  429: 'Đang có nhiều lượt chạy thử',
};
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [String(code), error(ERRORS[code]!)]));
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const query = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'integer', minimum: 1 } });
const body = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });

const problem = { type: 'object', properties: { elementId: { type: ['string', 'null'] }, code: { type: 'string' }, message: { type: 'string' } } };
const pointerProblem = { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } };
const draft = {
  type: 'object',
  required: ['bpmn'],
  properties: {
    bpmn: { type: 'string', description: 'BPMN XML' },
    metadata: { type: 'object', description: 'Thông tin thủ tục như procedure.json' },
    form: { type: ['object', 'null'], description: 'JSON Schema của biểu mẫu nộp hồ sơ' },
  },
};
const change = { type: 'object', properties: { attribute: { type: 'string' }, before: {}, after: {} } };
const elementRef = { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, name: { type: ['string', 'null'] } } };
const fieldRef = { type: 'object', properties: { path: { type: 'string' }, title: { type: ['string', 'null'] } } };
const diffOf = (ref: Schema) => ({
  type: 'object',
  properties: {
    added: { type: 'array', items: ref },
    removed: { type: 'array', items: ref },
    changed: { type: 'array', items: { allOf: [ref, { type: 'object', properties: { changes: { type: 'array', items: change } } }] } },
  },
});

export const DESIGNER_PATHS: Record<string, Schema> = {
  '/api/designer/procedures': {
    get: {
      summary: 'Danh sách thủ tục cho người thiết kế: phiên bản mới nhất, ai triển khai, khi nào',
      security: session,
      responses: { 200: json({ type: 'object', properties: { procedures: { type: 'array', items: { type: 'object' } } } }, 'Thủ tục'), ...errors(401, 403) },
    },
  },
  '/api/designer/procedures/{code}': {
    get: {
      summary: 'Một phiên bản thủ tục (mặc định mới nhất): lịch sử phiên bản, thông tin, BPMN, biểu mẫu nộp hồ sơ',
      security: session,
      parameters: [path('code', 'Mã thủ tục'), query('version', 'Số phiên bản')],
      responses: { 200: json({ type: 'object' }, 'Phiên bản'), ...errors(400, 401, 403, 404) },
    },
  },
  '/api/designer/procedures/{code}/versions': {
    post: {
      summary: 'Triển khai phiên bản mới (tạo thủ tục khi mã mới); hồ sơ đang chạy giữ phiên bản cũ',
      security: session,
      parameters: [path('code', 'Mã thủ tục: chữ thường, chữ số, dấu gạch ngang')],
      requestBody: body({ type: 'object', required: ['metadata', 'bpmn'], properties: { ...draft.properties, note: { type: 'string', description: 'Ghi chú phiên bản' } } }),
      responses: {
        200: json({ type: 'object', properties: { code: { type: 'string' }, version: { type: 'integer' }, isNew: { const: false } } }, 'Giống hệt phiên bản mới nhất: không tạo phiên bản'),
        201: json({ type: 'object', properties: { code: { type: 'string' }, version: { type: 'integer' }, isNew: { const: true } } }, 'Đã triển khai phiên bản mới'),
        ...errors(401, 403, 422),
      },
    },
  },
  '/api/designer/procedures/{code}/versions/{version}/process.bpmn': {
    get: {
      summary: 'Tải về BPMN của một phiên bản',
      security: session,
      parameters: [path('code', 'Mã thủ tục'), path('version', 'Số phiên bản')],
      responses: { 200: { description: 'Tệp <mã>-v<phiên bản>.bpmn', content: { 'application/xml': { schema: { type: 'string' } } } }, ...errors(400, 401, 403, 404) },
    },
  },
  '/api/designer/procedures/{code}/diff': {
    get: {
      summary: 'Khác biệt giữa hai phiên bản: thông tin, phần tử mô hình, trường biểu mẫu',
      security: session,
      parameters: [path('code', 'Mã thủ tục'), query('from', 'Phiên bản cũ', true), query('to', 'Phiên bản mới', true)],
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              from: { type: 'integer' },
              to: { type: 'integer' },
              metadata: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, before: {}, after: {} } } },
              elements: diffOf(elementRef),
              form: diffOf(fieldRef),
            },
          },
          'Khác biệt',
        ),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  '/api/designer/validate': {
    post: {
      summary: 'Kiểm tra bản nháp: lỗi mô hình theo phần tử, quy ước bước một cửa, thông tin thủ tục, lược đồ biểu mẫu',
      security: session,
      requestBody: body(draft),
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              problems: { type: 'array', items: problem },
              metadataProblems: { type: 'array', items: pointerProblem },
              formProblems: { type: 'array', items: pointerProblem },
            },
          },
          'Kết quả kiểm tra',
        ),
        ...errors(400, 401, 403),
      },
    },
  },
  '/api/designer/simulate': {
    post: {
      summary: 'Chạy thử quy trình trên cơ sở dữ liệu tạm với đồng hồ ảo (tối đa 200 bước)',
      security: session,
      requestBody: body({
        type: 'object',
        required: ['bpmn'],
        properties: {
          bpmn: { type: 'string' },
          processId: { type: 'string' },
          metadata: { type: 'object', description: 'Tùy chọn: để tính hạn xử lý theo thời hạn của thủ tục' },
          start: { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, variables: { type: 'object' } } },
          steps: { type: 'array', maxItems: 200, items: { type: 'object', description: '{complete, variables} | {advance} | {advanceTo} | {publish} | {throwError, code} | {expect}' } },
        },
      }),
      responses: {
        200: json({ type: 'object', properties: { trace: { type: 'object', description: 'state, variables, path, tasks (dueDate), timers, incidents, open (kèm outcomes)' } } }, 'Kết quả chạy thử'),
        ...errors(400, 401, 403, 422, 429),
      },
    },
  },
};
