import { expect } from 'chai';
import { type FormRegistry, loadFormRegistry } from '../../forms/index.js';
import { changed, validExample } from './formData.js';

describe('forms: common/applicant', function () {
  let forms: FormRegistry;

  before(async function () {
    forms = await loadFormRegistry();
  });

  it('should accept the example applicant', function () {
    expect(forms.validate('common/applicant', validExample('applicant'))).to.deep.equal([]);
  });

  const accepted: [description: string, pointer: string, value: unknown][] = [
    ['a 9-digit identity card number (chứng minh nhân dân)', '/idNumber', '201234567'],
    ['a phone number written +84…', '/phone', '+84905123456'],
    ['no phone number', '/phone', undefined],
    ['no e-mail address', '/email', undefined],
    ['a name with an apostrophe', '/name', "H'Hen Niê"],
  ];

  for (const [description, pointer, value] of accepted) {
    it(`should accept ${description}`, function () {
      // given
      const applicant = changed(validExample('applicant'), pointer, value);

      // when
      const errors = forms.validate('common/applicant', applicant);

      // then
      expect(errors).to.deep.equal([]);
    });
  }

  const refused: [description: string, pointer: string, value: unknown, message: string][] = [
    ['no name', '/name', undefined, 'Trường «Họ và tên» là bắt buộc'],
    ['no ID number', '/idNumber', undefined, 'Trường «Số định danh cá nhân» là bắt buộc'],
    ['no address', '/address', undefined, 'Trường «Địa chỉ liên hệ» là bắt buộc'],
    [
      'an ID number of 11 digits',
      '/idNumber',
      '04809200123',
      'Số định danh cá nhân phải gồm 12 chữ số (số căn cước) hoặc 9 chữ số (số chứng minh nhân dân cũ)',
    ],
    [
      'an ID number with letters',
      '/idNumber',
      '04809200123A',
      'Số định danh cá nhân phải gồm 12 chữ số (số căn cước) hoặc 9 chữ số (số chứng minh nhân dân cũ)',
    ],
    ['an ID number given as a number', '/idNumber', 48092001234, '«Số định danh cá nhân» phải là chuỗi ký tự'],
    [
      'a landline number',
      '/phone',
      '02363822222',
      'Số điện thoại phải là số di động Việt Nam gồm 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) hoặc +84 và 9 chữ số',
    ],
    [
      'a phone number with spaces',
      '/phone',
      '0905 123 456',
      'Số điện thoại phải là số di động Việt Nam gồm 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) hoặc +84 và 9 chữ số',
    ],
    ['an e-mail address without a domain', '/email', 'nguyenvanan@', '«Thư điện tử» phải là địa chỉ thư điện tử hợp lệ, ví dụ ten@example.vn'],
    ['a name of one letter', '/name', 'A', '«Họ và tên» phải có ít nhất 2 ký tự'],
    ['a name with digits', '/name', 'Nguyễn Văn 2', '«Họ và tên» chỉ được gồm chữ cái, khoảng trắng, dấu nháy đơn hoặc gạch nối'],
    ['a blank address', '/address', '      ', 'Trường «Địa chỉ liên hệ» không được để trống'],
    ['a field the form does not have', '/dateOfBirth', '1992-03-02', 'Trường «dateOfBirth» không có trong biểu mẫu này'],
  ];

  for (const [description, pointer, value, message] of refused) {
    it(`should NOT accept ${description}`, function () {
      // given
      const applicant = changed(validExample('applicant'), pointer, value);

      // when
      const errors = forms.validate('common/applicant', applicant);

      // then
      expect(errors).to.deep.equal([{ path: pointer, message }]);
    });
  }

  it('should report every faulty field at once, one message each', function () {
    // given
    const applicant = { name: 'Nguyễn Văn An', idNumber: '123', phone: '123', address: 'K12/5 Trần Phú, Đà Nẵng' };

    // when
    const paths = forms.validate('common/applicant', applicant).map((error) => error.path);

    // then
    expect(paths).to.have.members(['/idNumber', '/phone']);
    expect(paths).to.have.length(2);
  });
});
