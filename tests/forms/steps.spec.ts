import { expect } from 'chai';
import type { FieldError } from '../../api/errors.js';
import { type FormRegistry, loadFormRegistry } from '../../forms/index.js';

/** What the desk sends when completing a step, with the chosen outcome merged in. */
type StepData = Record<string, unknown> & { outcome: string };

describe('forms: step forms (requirements that depend on the outcome)', function () {
  let forms: FormRegistry;

  before(async function () {
    forms = await loadFormRegistry();
  });

  const accepted: [form: string, data: StepData][] = [
    ['steps/receive', { outcome: 'accept' }],
    ['steps/receive', { outcome: 'accept', note: 'Hồ sơ đầy đủ, hợp lệ' }],
    ['steps/receive', { outcome: 'supplement', reason: 'Thiếu bản sao giấy chứng sinh', componentsToAdd: ['Giấy chứng sinh'] }],
    ['steps/receive', { outcome: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã' }],
    ['steps/process', { outcome: 'forward' }],
    ['steps/process', { outcome: 'forward', opinion: 'Đủ điều kiện cấp phép' }],
    ['steps/process', { outcome: 'supplement', reason: 'Bản vẽ mặt bằng chưa thể hiện kích thước', componentsToAdd: ['Bản vẽ mặt bằng các tầng'] }],
    ['steps/process', { outcome: 'refuse', opinion: 'Thửa đất nằm trong quy hoạch đất giao thông' }],
    ['steps/approve', { outcome: 'approve' }],
    ['steps/approve', { outcome: 'reject', opinion: 'Đề nghị kiểm tra lại chiều cao công trình' }],
    ['steps/transfer', { outcome: 'forward', note: 'Chuyển Công an xã đăng ký thường trú' }],
    ['steps/payment', { outcome: 'paid', amount: 135000, receiptNumber: '0001234', method: 'cash' }],
    ['steps/payment', { outcome: 'paid', amount: 0, receiptNumber: 'MP-0001', method: 'online' }],
    ['steps/return', { outcome: 'returned', method: 'desk', receivedBy: 'Nguyễn Văn An' }],
    ['steps/return', { outcome: 'returned', method: 'post' }],
    ['steps/return', { outcome: 'returned', method: 'online', note: 'Đã gửi bản điện tử vào kho dữ liệu của công dân' }],
  ];

  for (const [form, data] of accepted) {
    it(`should accept ${form} completed with ${JSON.stringify(data)}`, function () {
      expect(forms.validate(form, data)).to.deep.equal([]);
    });
  }

  const refused: [form: string, description: string, data: StepData, errors: FieldError[]][] = [
    [
      'steps/receive',
      'a supplement request without reason or papers',
      { outcome: 'supplement' },
      [
        { path: '/reason', message: 'Trường «Lý do» là bắt buộc' },
        { path: '/componentsToAdd', message: 'Trường «Giấy tờ cần bổ sung, hoàn thiện» là bắt buộc' },
      ],
    ],
    [
      'steps/receive',
      'a supplement request with an empty list of papers',
      { outcome: 'supplement', reason: 'Thiếu giấy tờ', componentsToAdd: [] },
      [{ path: '/componentsToAdd', message: 'Cần nêu ít nhất một giấy tờ trong «Giấy tờ cần bổ sung, hoàn thiện»' }],
    ],
    [
      'steps/receive',
      'a supplement request naming a blank paper',
      { outcome: 'supplement', reason: 'Thiếu giấy tờ', componentsToAdd: ['Giấy chứng sinh', ' '] },
      [{ path: '/componentsToAdd/1', message: 'Trường «Giấy tờ (Giấy tờ cần bổ sung, hoàn thiện, mục 2)» không được để trống' }],
    ],
    ['steps/receive', 'a refusal without reason', { outcome: 'refuse' }, [{ path: '/reason', message: 'Trường «Lý do» là bắt buộc' }]],
    [
      'steps/receive',
      'a field it does not have',
      { outcome: 'accept', result: 'refused' },
      [{ path: '/result', message: 'Trường «result» không có trong biểu mẫu này' }],
    ],
    ['steps/process', 'a refusal without opinion', { outcome: 'refuse' }, [{ path: '/opinion', message: 'Trường «Ý kiến xử lý» là bắt buộc' }]],
    [
      'steps/process',
      'a supplement request without papers',
      { outcome: 'supplement', reason: 'Bản vẽ chưa đúng tỷ lệ' },
      [{ path: '/componentsToAdd', message: 'Trường «Giấy tờ cần bổ sung, hoàn thiện» là bắt buộc' }],
    ],
    ['steps/approve', 'a rejection without opinion', { outcome: 'reject' }, [{ path: '/opinion', message: 'Trường «Ý kiến của lãnh đạo» là bắt buộc' }]],
    [
      'steps/approve',
      'a rejection with a blank opinion',
      { outcome: 'reject', opinion: '   ' },
      [{ path: '/opinion', message: 'Trường «Ý kiến của lãnh đạo» không được để trống' }],
    ],
    [
      'steps/payment',
      'a payment without amount, receipt or method',
      { outcome: 'paid' },
      [
        { path: '/amount', message: 'Trường «Số tiền đã thu (đồng)» là bắt buộc' },
        { path: '/receiptNumber', message: 'Trường «Số biên lai» là bắt buộc' },
        { path: '/method', message: 'Trường «Hình thức thanh toán» là bắt buộc' },
      ],
    ],
    [
      'steps/payment',
      'a negative amount',
      { outcome: 'paid', amount: -135000, receiptNumber: '0001234', method: 'cash' },
      [{ path: '/amount', message: '«Số tiền đã thu (đồng)» không được là số âm' }],
    ],
    [
      'steps/payment',
      'a method it does not know',
      { outcome: 'paid', amount: 135000, receiptNumber: '0001234', method: 'card' },
      [{ path: '/method', message: '«Hình thức thanh toán» phải là một trong các giá trị: «Tiền mặt», «Chuyển khoản», «Thanh toán trực tuyến»' }],
    ],
    [
      'steps/return',
      'a return at the desk without the collector',
      { outcome: 'returned', method: 'desk' },
      [{ path: '/receivedBy', message: 'Trường «Họ và tên người nhận kết quả» là bắt buộc' }],
    ],
    [
      'steps/return',
      'a return without method',
      { outcome: 'returned' },
      [{ path: '/method', message: 'Trường «Hình thức trả kết quả» là bắt buộc' }],
    ],
  ];

  for (const [form, description, data, errors] of refused) {
    it(`should NOT accept ${form} with ${description}`, function () {
      expect(forms.validate(form, data)).to.deep.equal(errors);
    });
  }

  it('should NOT accept step data without the outcome', function () {
    expect(forms.validate('steps/transfer', { note: 'Chuyển hồ sơ' })).to.deep.equal([
      { path: '/outcome', message: 'Trường «Kết quả chuyển» là bắt buộc' },
    ]);
  });
});
