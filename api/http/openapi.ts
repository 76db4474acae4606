/**
 * `/openapi.json`: the HTTP contract (OpenAPI 3.1). Kept next to the routes and
 * checked by a spec that every route the application serves is documented.
 */
import { CITIZEN_PATHS } from '../web/citizen/citizenOpenApi.js';
import { STUDIO_PATHS } from '../web/studio/studioOpenApi.js';
import { DESIGNER_PATHS } from './designerOpenApi.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: ERROR_TEXT[code] ?? 'Lỗi', content: { 'application/json': { schema: ref('Error') } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền (hoặc thiếu mã CSRF)',
  404: 'Không tìm thấy',
  409: 'Xung đột: đã được người khác xử lý hoặc trạng thái không cho phép',
  413: 'Tệp quá lớn',
  415: 'Loại tệp không được chấp nhận',
  422: 'Dữ liệu không hợp lệ, kèm lỗi từng trường',
  423: 'Tài khoản tạm khóa',
  429: 'Quá nhiều yêu cầu',
};
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const body = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });
const session = [{ session: [] }];
const REPORT_PARAMETERS = [
  query('from', 'Ngày đầu kỳ YYYY-MM-DD'),
  query('to', 'Ngày cuối kỳ YYYY-MM-DD'),
  query('period', 'Thay cho from/to: năm (2026), quý (2026-Q1) hoặc tháng (2026-03)'),
  query('unit', 'Mã đơn vị; mặc định đơn vị của người xem'),
  query('includeChildren', 'Gồm cả các đơn vị trực thuộc (mặc định true)', { type: 'boolean' }),
  query('level', 'Chỉ các đơn vị một cấp: province, district, commune', { type: 'string', enum: ['province', 'district', 'commune'] }),
  query('procedure', 'Mã thủ tục'),
  query('field', 'Lĩnh vực'),
];
const upload = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: { type: 'object', required: ['component', 'file'], properties: { component: { type: 'string' }, file: { type: 'string', format: 'binary' }, idNumber: { type: 'string' } } },
    },
  },
};

export function openApiDocument(): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một cửa điện tử — API',
      version: '0.1.0',
      description:
        'Tiếp nhận, xử lý, liên thông và trả kết quả hồ sơ thủ tục hành chính. Lỗi trả về dạng {error:{code,message,fields?}} với thông báo tiếng Việt. ' +
        'Các thao tác thay đổi dữ liệu khi dùng cookie phiên cần tiêu đề X-CSRF-Token (nhận khi đăng nhập).',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_sid' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', examples: ['VALIDATION_FAILED'] },
                message: { type: 'string' },
                fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
        Applicant: {
          type: 'object',
          required: ['name', 'idNumber'],
          properties: { name: { type: 'string' }, idNumber: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, address: { type: 'string' } },
        },
        Submission: {
          type: 'object',
          required: ['procedure', 'applicant', 'formData'],
          properties: {
            procedure: { type: 'string', description: 'Mã thủ tục trong danh mục' },
            agency: { type: 'string', description: 'Nơi tiếp nhận (mã cơ quan); mặc định khi thủ tục chỉ có một nơi' },
            applicant: ref('Applicant'),
            formData: { type: 'object', description: 'Theo JSON Schema của thủ tục (GET /api/procedures/{code})' },
          },
        },
        Outcome: { type: 'object', properties: { value: { type: 'string' }, label: { type: 'string' } } },
        BulkResults: {
          type: 'object',
          properties: {
            results: {
              type: 'array',
              description: 'Theo thứ tự taskIds; status 200 kèm task, hoặc mã lỗi HTTP kèm error',
              items: { type: 'object', required: ['id', 'status'], properties: { id: { type: 'string' }, status: { type: 'integer' }, task: ref('Task'), error: { type: 'object' } } },
            },
          },
        },
        Task: {
          type: 'object',
          properties: {
            id: { type: 'string' }, name: { type: 'string' }, stepKind: { type: 'string' }, role: { type: 'string' }, state: { type: 'string' },
            assignee: { type: ['string', 'null'] }, dueAt: { type: ['string', 'null'], format: 'date-time' }, overdue: { type: 'boolean' }, dueSoon: { type: 'boolean' },
            outcomes: { type: 'array', items: ref('Outcome'), description: 'Hướng xử lý bình thường đứng đầu' },
            form: { type: ['object', 'null'] }, dossier: { type: 'object' },
          },
        },
      },
    },
    paths: {
      '/api/auth/login': {
        post: {
          summary: 'Đăng nhập; đặt cookie phiên HttpOnly',
          requestBody: body({ type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } }),
          responses: { 200: json({ type: 'object', properties: { user: { type: 'object' }, csrfToken: { type: 'string' } } }, 'Đăng nhập thành công'), ...errors(401, 423, 429) },
        },
      },
      '/api/auth/logout': { post: { summary: 'Đăng xuất', security: session, responses: { 204: { description: 'Đã đăng xuất' } } } },
      '/api/auth/me': { get: { summary: 'Tài khoản đang đăng nhập', security: session, responses: { 200: json({ type: 'object' }, 'Tài khoản'), ...errors(401) } } },
      '/api/procedures': { get: { summary: 'Danh mục thủ tục (công khai)', responses: { 200: json({ type: 'object' }, 'Danh mục') } } },
      '/api/procedures/{code}': {
        get: { summary: 'Thông tin thủ tục, biểu mẫu và gợi ý giao diện', parameters: [path('code', 'Mã thủ tục')], responses: { 200: json({ type: 'object' }, 'Thủ tục'), ...errors(404) } },
      },
      '/api/agencies': { get: { summary: 'Cây cơ quan', responses: { 200: json({ type: 'object' }, 'Cơ quan') } } },
      '/api/calendar/due': {
        get: {
          summary: 'Tính ngày hẹn trả theo lịch làm việc',
          parameters: [
            query('from', 'Thời điểm ISO 8601 hoặc now'),
            query('workingDays', 'Số ngày làm việc', { type: 'integer' }),
            query('workingHours', 'Số giờ làm việc', { type: 'number' }),
            query('calendarDays', 'Số ngày', { type: 'integer' }),
            query('sameDay', 'Trong ngày (mốc 15 giờ)', { type: 'boolean' }),
          ],
          responses: { 200: json({ type: 'object', properties: { dueAt: { type: 'string', format: 'date-time' } } }, 'Ngày hẹn'), ...errors(422) },
        },
      },
      '/api/public/dossiers': {
        post: { summary: 'Nộp hồ sơ trực tuyến (trạng thái 1)', requestBody: body(ref('Submission')), responses: { 201: json({ type: 'object', properties: { code: { type: 'string' }, status: { type: 'integer' } } }, 'Đã nộp'), ...errors(400, 404, 422, 429) } },
      },
      '/api/public/dossiers/{code}': {
        get: {
          summary: 'Tra cứu hồ sơ bằng mã và số định danh (hoặc số điện thoại)',
          parameters: [path('code', 'Mã hồ sơ'), query('idNumber', 'Số định danh cá nhân'), query('phone', 'Số điện thoại')],
          responses: { 200: json({ type: 'object' }, 'Tình trạng, ngày hẹn, diễn biến'), ...errors(404, 422, 429) },
        },
      },
      '/api/public/dossiers/{code}/documents/{form}': {
        get: { summary: 'In phiếu đã cấp cho người nộp (01–05)', parameters: [path('code', 'Mã hồ sơ'), path('form', '01…05'), query('idNumber', 'Số định danh'), query('phone', 'Số điện thoại')], responses: { 200: html('Trang in'), ...errors(404) } },
      },
      '/api/public/dossiers/{code}/attachments': {
        post: { summary: 'Nộp tệp thành phần hồ sơ', parameters: [path('code', 'Mã hồ sơ')], requestBody: upload, responses: { 201: json({ type: 'object' }, 'Đã lưu, kèm SHA-256'), ...errors(404, 413, 415, 422) } },
      },
      '/api/public/dossiers/{code}/supplement': {
        post: { summary: 'Báo đã bổ sung hồ sơ', parameters: [path('code', 'Mã hồ sơ')], requestBody: body({ type: 'object', properties: { idNumber: { type: 'string' }, note: { type: 'string' } } }), responses: { 200: json({ type: 'object' }, 'Đã bổ sung'), ...errors(404, 409) } },
      },
      '/api/public/dossiers/{code}/withdraw': {
        post: { summary: 'Rút hồ sơ', parameters: [path('code', 'Mã hồ sơ')], requestBody: body({ type: 'object', properties: { idNumber: { type: 'string' }, reason: { type: 'string' } } }), responses: { 200: json({ type: 'object' }, 'Đã rút'), ...errors(404, 409) } },
      },
      '/api/public/dossiers/{code}/rating': {
        post: {
          summary: 'Đánh giá mức độ hài lòng (1–5) sau khi nhận kết quả',
          parameters: [path('code', 'Mã hồ sơ')],
          requestBody: body({ type: 'object', required: ['rating'], properties: { idNumber: { type: 'string' }, rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string' } } }),
          responses: { 200: json({ type: 'object' }, 'Đã ghi nhận'), ...errors(404, 409, 422) },
        },
      },
      '/api/dossiers': {
        post: {
          summary: 'Cán bộ một cửa tiếp nhận hồ sơ trực tiếp',
          security: session,
          requestBody: body({ allOf: [ref('Submission'), { type: 'object', properties: { channel: { enum: [1, 3] }, outcome: { const: 'accept' } } }] }),
          responses: { 201: json({ type: 'object' }, 'Đã tiếp nhận'), ...errors(401, 403, 422) },
        },
      },
      '/api/dossiers/{code}': {
        get: { summary: 'Toàn bộ hồ sơ cho cán bộ: dữ liệu, thành phần, bước, phiếu kiểm soát, diễn biến', security: session, parameters: [path('code', 'Mã hồ sơ')], responses: { 200: json({ type: 'object' }, 'Hồ sơ'), ...errors(401, 404) } },
      },
      '/api/dossiers/{code}/diagram': {
        get: {
          summary: 'Sơ đồ quy trình của hồ sơ: BPMN XML, các phần tử đang ở (active) và đã qua (completed)',
          security: session,
          parameters: [path('code', 'Mã hồ sơ')],
          responses: { 200: json({ type: 'object', properties: { xml: { type: 'string' }, active: { type: 'array', items: { type: 'string' } }, completed: { type: 'array', items: { type: 'string' } } } }, 'Sơ đồ'), ...errors(401, 404) },
        },
      },
      '/api/dossiers/{code}/audit': { get: { summary: 'Nhật ký kiểm toán của hồ sơ', security: session, parameters: [path('code', 'Mã hồ sơ')], responses: { 200: json({ type: 'object' }, 'Nhật ký'), ...errors(401, 404) } } },
      '/api/dossiers/{code}/supplement': { post: { summary: 'Ghi nhận công dân đã bổ sung', security: session, parameters: [path('code', 'Mã hồ sơ')], responses: { 200: json({ type: 'object' }, 'Đã bổ sung'), ...errors(401, 404, 409) } } },
      '/api/dossiers/{code}/withdraw': { post: { summary: 'Rút hồ sơ theo yêu cầu công dân', security: session, parameters: [path('code', 'Mã hồ sơ')], responses: { 200: json({ type: 'object' }, 'Đã rút'), ...errors(401, 404, 409) } } },
      '/api/dossiers/{code}/stop': { post: { summary: 'Dừng xử lý (mẫu 05)', security: session, parameters: [path('code', 'Mã hồ sơ')], requestBody: body({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } }), responses: { 200: json({ type: 'object' }, 'Đã dừng'), ...errors(401, 403, 404, 409, 422) } } },
      '/api/dossiers/{code}/apology': {
        post: {
          summary: 'Xin lỗi và hẹn lại ngày trả (mẫu 04), một lần',
          security: session,
          parameters: [path('code', 'Mã hồ sơ')],
          requestBody: body({ type: 'object', required: ['reason', 'newDueAt'], properties: { reason: { type: 'string' }, newDueAt: { type: 'string', format: 'date-time' } } }),
          responses: { 200: json({ type: 'object' }, 'Đã hẹn lại'), ...errors(401, 403, 404, 409, 422) },
        },
      },
      '/api/dossiers/{code}/attachments': { post: { summary: 'Đính kèm tệp thành phần hồ sơ', security: session, parameters: [path('code', 'Mã hồ sơ')], requestBody: upload, responses: { 201: json({ type: 'object' }, 'Đã lưu'), ...errors(401, 404, 413, 415, 422) } } },
      '/api/dossiers/{code}/attachments/{id}': { get: { summary: 'Tải tệp đính kèm', security: session, parameters: [path('code', 'Mã hồ sơ'), path('id', 'Mã tệp')], responses: { 200: { description: 'Nội dung tệp' }, ...errors(401, 404) } } },
      '/api/tasks': {
        get: {
          summary: 'Hộp công việc của cán bộ',
          security: session,
          parameters: [
            query('status', 'open | completed | all'),
            query('procedure', 'Mã thủ tục'),
            query('dueSoon', 'Sắp đến hạn', { type: 'boolean' }),
            query('overdue', 'Quá hạn', { type: 'boolean' }),
            query('assignedToMe', 'Việc tôi đã nhận', { type: 'boolean' }),
            query('dossierStatus', 'Trạng thái hồ sơ 1–10, nhiều mã cách nhau bởi dấu phẩy'),
            query('assignee', 'me (tôi đã nhận), none (chưa ai nhận) hoặc all', { type: 'string', enum: ['me', 'none', 'all'] }),
            query('order', 'Theo hạn của bước: asc (gần nhất trước, mặc định) hoặc desc', { type: 'string', enum: ['asc', 'desc'] }),
            query('scope', 'agency: mọi công việc của cơ quan (chỉ lãnh đạo và một cửa); own: theo vai trò của tôi (mặc định)', { type: 'string', enum: ['own', 'agency'] }),
            query('limit', 'Số dòng', { type: 'integer' }),
            query('offset', 'Bỏ qua', { type: 'integer' }),
          ],
          responses: { 200: json({ type: 'object', properties: { total: { type: 'integer' }, tasks: { type: 'array', items: ref('Task') } } }, 'Công việc'), ...errors(401, 403, 422) },
        },
      },
      '/api/tasks/bulk/claim': {
        post: {
          summary: 'Nhận xử lý nhiều công việc; mỗi công việc một giao dịch, trả lời riêng từng việc (ví dụ 409 khi người khác đã nhận)',
          security: session,
          requestBody: body({ type: 'object', required: ['taskIds'], properties: { taskIds: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 100 } } }),
          responses: { 200: json(ref('BulkResults'), 'Kết quả từng công việc'), ...errors(401, 403, 422) },
        },
      },
      '/api/tasks/bulk/reassign': {
        post: {
          summary: 'Chuyển nhiều công việc cho một cán bộ cùng cơ quan có vai trò của bước (lãnh đạo hoặc một cửa của cơ quan đó thực hiện)',
          security: session,
          requestBody: body({ type: 'object', required: ['taskIds', 'assignee'], properties: { taskIds: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 100 }, assignee: { type: 'string' } } }),
          responses: { 200: json(ref('BulkResults'), 'Kết quả từng công việc (403, 404, 409, 422 cho việc không chuyển được)'), ...errors(401, 403, 422) },
        },
      },
      '/api/officers': {
        get: {
          summary: 'Cán bộ đang làm việc của cơ quan (có thể giao việc); cán bộ xem cơ quan mình, quản trị xem mọi cơ quan',
          security: session,
          parameters: [query('agency', 'Mã cơ quan; mặc định cơ quan của người xem'), query('role', 'desk, specialist hoặc leader')],
          responses: { 200: json({ type: 'object', properties: { officers: { type: 'array', items: { type: 'object', properties: { username: { type: 'string' }, fullName: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } } } } } }, 'Cán bộ'), ...errors(401, 403) },
        },
      },
      '/api/tasks/{id}': { get: { summary: 'Một công việc', security: session, parameters: [path('id', 'Mã công việc')], responses: { 200: json(ref('Task'), 'Công việc'), ...errors(401, 404) } } },
      '/api/tasks/{id}/claim': { post: { summary: 'Nhận xử lý', security: session, parameters: [path('id', 'Mã công việc')], responses: { 200: json(ref('Task'), 'Đã nhận'), ...errors(401, 403, 404, 409) } } },
      '/api/tasks/{id}/complete': {
        post: {
          summary: 'Hoàn thành bước với kết quả và dữ liệu (kiểm tra theo biểu mẫu của bước)',
          security: session,
          parameters: [path('id', 'Mã công việc')],
          requestBody: body({ type: 'object', required: ['outcome'], properties: { outcome: { type: 'string' }, formData: { type: 'object' } } }),
          responses: { 200: json({ type: 'object' }, 'Đã hoàn thành'), ...errors(401, 403, 404, 409, 422) },
        },
      },
      '/api/documents/{code}/{form}': { get: { summary: 'Mẫu phiếu 01–07 để in', security: session, parameters: [path('code', 'Mã hồ sơ'), path('form', '01…07')], responses: { 200: html('Trang in A5/A4'), ...errors(401, 404) } } },
      '/api/audit/verify': { get: { summary: 'Kiểm tra chuỗi băm của nhật ký kiểm toán', security: session, responses: { 200: json({ type: 'object' }, 'Kết quả'), ...errors(401, 403) } } },
      '/api/reports/06a': {
        get: {
          summary: 'Báo cáo 06a: tình hình, kết quả giải quyết TTHC theo kỳ và phạm vi (kiểm tra viên; lãnh đạo xem đơn vị mình và cấp dưới)',
          security: session,
          parameters: [
            ...REPORT_PARAMETERS,
            query('groupBy', 'Nhóm dòng theo field (lĩnh vực, mặc định), procedure hoặc unit', { type: 'string', enum: ['field', 'procedure', 'unit'] }),
            query('format', 'json (mặc định), csv (UTF-8 có BOM), xlsx hoặc html (bản in)', { type: 'string', enum: ['json', 'csv', 'xlsx', 'html'] }),
          ],
          responses: {
            200: {
              description: 'Báo cáo',
              content: {
                'application/json': { schema: { type: 'object' } },
                'text/csv': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
                'text/html': { schema: { type: 'string' } },
              },
            },
            ...errors(401, 403, 404, 422),
          },
        },
      },
      '/api/reports/06a/cell': {
        get: {
          summary: 'Danh sách hồ sơ của một ô báo cáo 06a (tổng số bằng giá trị của ô)',
          security: session,
          parameters: [
            ...REPORT_PARAMETERS,
            query('groupBy', 'Cách nhóm dòng như báo cáo', { type: 'string', enum: ['field', 'procedure', 'unit'] }),
            query('row', 'Khóa của dòng (lĩnh vực, mã thủ tục hoặc mã đơn vị); bỏ trống là dòng tổng'),
            query('column', 'Cột: received, receivedOnline, receivedInPerson, carriedOver, resolved, resolvedEarly, resolvedOnTime, resolvedLate, inProgress, inProgressInTime, inProgressLate'),
            query('limit', 'Số hồ sơ mỗi trang (1–1000, mặc định 50)', { type: 'integer' }),
            query('offset', 'Bỏ qua bao nhiêu hồ sơ', { type: 'integer' }),
          ],
          responses: { 200: json({ type: 'object' }, 'Hồ sơ của ô, kèm các bước làm trễ với hồ sơ quá hạn'), ...errors(401, 403, 404, 422) },
        },
      },
      '/api/reports/lateness': {
        get: {
          summary: 'Bước và đơn vị làm trễ: số bước quá hạn, tỷ lệ, số giờ làm việc vượt hạn của bước',
          security: session,
          parameters: REPORT_PARAMETERS,
          responses: { 200: json({ type: 'object' }, 'Theo đơn vị và theo bước'), ...errors(401, 403, 404, 422) },
        },
      },
      '/api/reports/766': {
        get: {
          summary: 'Chỉ số tiến độ và mức độ hài lòng theo Quyết định 766/QĐ-TTg, theo đơn vị, kèm cách tính',
          security: session,
          parameters: REPORT_PARAMETERS,
          responses: { 200: json({ type: 'object' }, 'Bảng điểm theo đơn vị'), ...errors(401, 403, 404, 422) },
        },
      },
      '/api/reports/on-time': {
        get: {
          summary: 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn theo đơn vị, thủ tục hoặc tháng (cùng cách đếm cột «đã giải quyết» của 06a)',
          security: session,
          parameters: [...REPORT_PARAMETERS, query('by', 'Chia theo unit (mặc định), procedure hoặc month', { type: 'string', enum: ['unit', 'procedure', 'month'] })],
          responses: { 200: json({ type: 'object' }, 'Các điểm của chuỗi và tổng'), ...errors(401, 403, 404, 422) },
        },
      },
      '/bao-cao': {
        get: {
          summary: 'Trang báo cáo của kiểm tra viên: 06a có xem chi tiết, biểu đồ tỷ lệ đúng hạn, bước trễ hạn, chỉ số 766, tải về',
          parameters: [
            query('period', 'Năm (2026), quý (2026-Q1) hoặc tháng (2026-03); mặc định năm hiện tại'),
            query('from', 'Ngày đầu kỳ, dd/MM/yyyy hoặc YYYY-MM-DD'),
            query('to', 'Ngày cuối kỳ, dd/MM/yyyy hoặc YYYY-MM-DD'),
            query('kind', 'Từ biểu mẫu lọc: year, quarter, month hoặc range, cùng year, quarter, month'),
            query('unit', 'Mã đơn vị'),
            query('includeChildren', 'Gồm cả các đơn vị trực thuộc', { type: 'boolean' }),
            query('level', 'Cấp đơn vị', { type: 'string', enum: ['province', 'district', 'commune'] }),
            query('procedure', 'Mã thủ tục'),
            query('field', 'Lĩnh vực'),
            query('groupBy', 'Dòng của bảng 06a', { type: 'string', enum: ['field', 'procedure', 'unit'] }),
          ],
          responses: {
            200: html('Trang'),
            303: { description: 'Từ biểu mẫu lọc: về địa chỉ gọn của cùng bộ lọc; chưa đăng nhập: về trang đăng nhập' },
            400: html('Bộ lọc không hợp lệ, kèm lỗi từng trường'),
            403: html('Tài khoản không phải kiểm tra viên hoặc quản trị'),
          },
        },
      },
      '/': { get: { summary: 'Trang danh mục thủ tục cho người dân (tìm không dấu)', parameters: [query('q', 'Từ khóa')], responses: { 200: html('Trang') } } },
      '/thu-tuc/{code}': { get: { summary: 'Trang một thủ tục: thành phần, phí, thời hạn, ngày hẹn dự kiến', parameters: [path('code', 'Mã thủ tục')], responses: { 200: html('Trang'), 404: html('Không có thủ tục') } } },
      '/can-bo': {
        get: {
          summary: 'Hộp công việc của cán bộ: lọc, sắp xếp, phân trang, nhận và chuyển việc hàng loạt',
          parameters: [
            query('procedure', 'Mã thủ tục'),
            query('status', 'Trạng thái hồ sơ 1–10'),
            query('deadline', 'dueSoon hoặc overdue', { type: 'string', enum: ['dueSoon', 'overdue'] }),
            query('assignee', 'me, none hoặc all', { type: 'string', enum: ['me', 'none', 'all'] }),
            query('scope', 'own hoặc agency (lãnh đạo, một cửa)', { type: 'string', enum: ['own', 'agency'] }),
            query('order', 'asc hoặc desc', { type: 'string', enum: ['asc', 'desc'] }),
            query('page', 'Trang, từ 1', { type: 'integer' }),
          ],
          responses: { 200: html('Trang'), 303: { description: 'Chưa đăng nhập: về trang đăng nhập' }, 403: html('Tài khoản không phải cán bộ hoặc quản trị') },
        },
      },
      '/can-bo/ho-so/{code}': {
        get: {
          summary: 'Trang hồ sơ cho cán bộ: tờ khai, thành phần, sơ đồ quy trình, bàn giao, diễn biến, biểu mẫu xử lý bước, in phiếu',
          parameters: [path('code', 'Mã hồ sơ')],
          responses: { 200: html('Trang'), 303: { description: 'Chưa đăng nhập: về trang đăng nhập' }, 403: html('Tài khoản không phải cán bộ hoặc quản trị'), 404: html('Không có hồ sơ hoặc hồ sơ của cơ quan khác') },
        },
      },
      '/dang-nhap': { get: { summary: 'Trang đăng nhập cán bộ; đã đăng nhập thì về trang làm việc', parameters: [query('next', 'Trang quay lại sau khi đăng nhập')], responses: { 200: html('Trang'), 303: { description: 'Đã đăng nhập: về trang làm việc' } } } },
      '/ngon-ngu': { get: { summary: 'Chọn ngôn ngữ giao diện (vi, en) rồi quay lại trang', parameters: [query('lang', 'vi hoặc en'), query('next', 'Đường dẫn trong trang')], responses: { 303: { description: 'Về trang trước' } } } },
      '/assets/{file}': { get: { summary: 'Mã và kiểu dáng của trang (bản dựng esbuild)', parameters: [path('file', 'Tên tệp')], responses: { 200: { description: 'JavaScript, CSS, phông chữ' }, 304: { description: 'Không đổi' } } } },
      '/healthz': { get: { summary: 'Dịch vụ còn sống', responses: { 200: json({ type: 'object' }, 'ok') } } },
      '/readyz': { get: { summary: 'Sẵn sàng nhận việc (cơ sở dữ liệu)', responses: { 200: json({ type: 'object' }, 'Sẵn sàng'), 503: json({ type: 'object' }, 'Chưa sẵn sàng') } } },
      '/metrics': { get: { summary: 'Chỉ số Prometheus', responses: { 200: { description: 'text/plain; version=0.0.4' } } } },
      '/openapi.json': { get: { summary: 'Tài liệu này', responses: { 200: json({ type: 'object' }, 'OpenAPI') } } },
      ...DESIGNER_PATHS,
      ...CITIZEN_PATHS,
      ...STUDIO_PATHS,
    },
  };
}
