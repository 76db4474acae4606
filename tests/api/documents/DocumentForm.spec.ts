import { expect } from 'chai';
import { DOCUMENT_FORMS, isDocumentForm } from '../../../api/documents/index.js';

describe('documents: forms', () => {
  it('should list the seven forms of Circular 03/2025 in order with their titles', () => {
    expect(DOCUMENT_FORMS).to.deep.equal([
      { form: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
      { form: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
      { form: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
      { form: '04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
      { form: '05', title: 'Thông báo về việc dừng xử lý hồ sơ' },
      { form: '06', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
      { form: '07', title: 'Sổ theo dõi hồ sơ' },
    ]);
  });

  for (const value of ['01', '04', '07']) {
    it(`should accept '${value}' as a form`, () => {
      expect(isDocumentForm(value)).to.equal(true);
    });
  }

  for (const value of ['08', '1', '00', '', 'toString', '__proto__']) {
    it(`should NOT accept '${value}' as a form`, () => {
      expect(isDocumentForm(value)).to.equal(false);
    });
  }
});
