/** The citizens' dossier pages in the HTTP contract (spread into `api/http/openapi.ts`). */
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

export const CITIZEN_PATHS: Record<string, unknown> = {
  '/nop-ho-so/{code}': {
    get: {
      summary: 'Trang nộp hồ sơ trực tuyến: thông tin người nộp, tờ khai, giấy tờ đính kèm, nơi tiếp nhận, xem lại rồi nộp',
      parameters: [path('code', 'Mã thủ tục')],
      responses: { 200: html('Trang'), 404: html('Không có thủ tục') },
    },
  },
  '/ho-so/{code}/bien-nhan': {
    get: {
      summary: 'Biên nhận hồ sơ nộp trực tuyến: mã hồ sơ, mã QR tra cứu, các bước tiếp theo; thông tin hồ sơ hiện sau khi người nộp chứng minh',
      parameters: [path('code', 'Mã hồ sơ')],
      responses: { 200: html('Trang'), 404: html('Mã hồ sơ không hợp lệ') },
    },
  },
  '/tra-cuu': {
    get: {
      summary: 'Trang tra cứu hồ sơ bằng mã và số định danh (hoặc số điện thoại); bổ sung, rút hồ sơ, đánh giá',
      parameters: [{ name: 'ma', in: 'query', required: false, description: 'Mã hồ sơ điền sẵn (từ mã QR)', schema: { type: 'string' } }],
      responses: { 200: html('Trang') },
    },
  },
  '/ho-so/{code}/phieu/{form}': {
    post: {
      summary: 'In phiếu đã cấp cho người nộp (01, 02, 03); số định danh gửi trong thân biểu mẫu, không nằm trên địa chỉ',
      parameters: [path('code', 'Mã hồ sơ'), path('form', '01, 02 hoặc 03')],
      requestBody: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { idNumber: { type: 'string' }, phone: { type: 'string' } } } } },
      },
      responses: { 200: html('Trang in'), 404: html('Không tìm thấy hồ sơ hoặc phiếu chưa được cấp'), 429: { description: 'Quá nhiều yêu cầu' } },
    },
  },
};
