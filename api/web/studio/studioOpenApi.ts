/** The procedure designer's pages in the HTTP contract (spread into `api/http/openapi.ts`). */
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const parameter = (name: string, where: 'path' | 'query', description: string, type = 'string') => ({
  name, in: where, required: where === 'path', description, schema: { type },
});
const signIn = { description: 'Chưa đăng nhập: về trang đăng nhập rồi quay lại' };

export const STUDIO_PATHS: Record<string, unknown> = {
  '/thiet-ke': {
    get: {
      summary: 'Trang thiết kế thủ tục: danh sách thủ tục với phiên bản mới nhất, tạo thủ tục mới',
      responses: { 200: html('Trang'), 303: signIn, 403: html('Tài khoản không phải người thiết kế hoặc quản trị') },
    },
  },
  '/thiet-ke/{code}': {
    get: {
      summary: 'Màn hình thiết kế một thủ tục: quy trình, thông tin, biểu mẫu, kiểm tra, chạy thử, triển khai, lịch sử phiên bản',
      parameters: [
        parameter('code', 'path', 'Mã thủ tục'),
        parameter('version', 'query', 'Phiên bản mở để sửa (mặc định: mới nhất)', 'integer'),
        parameter('moi', 'query', '1: thủ tục mới, chưa có trong danh mục'),
        parameter('ten', 'query', 'Tên của thủ tục mới'),
      ],
      responses: {
        200: html('Trang'),
        303: signIn,
        403: html('Tài khoản không phải người thiết kế hoặc quản trị'),
        404: html('Không có thủ tục hoặc phiên bản; mã thủ tục mới không hợp lệ'),
      },
    },
  },
};
