import { expect } from 'chai';
import { type FormRegistry, loadFormRegistry } from '../../forms/index.js';
import { changed, type JsonObject, SUBMISSION_CODES, validExample } from './formData.js';

type Change = readonly [pointer: string, value: unknown];

function withChanges(code: string, changes: readonly Change[]): JsonObject {
  return changes.reduce((data, [pointer, value]) => changed(data, pointer, value), validExample(code));
}

const ID_NUMBER_RULE = 'phải gồm 12 chữ số (số căn cước) hoặc 9 chữ số (số chứng minh nhân dân cũ)';
const DATE_RULE = 'phải là ngày hợp lệ (dd/MM/yyyy); dữ liệu gửi lên theo dạng yyyy-MM-dd, ví dụ 2025-03-15';

describe('forms: submission forms', function () {
  let forms: FormRegistry;

  before(async function () {
    forms = await loadFormRegistry();
  });

  for (const code of SUBMISSION_CODES) {
    it(`should accept the example of ${code}`, function () {
      expect(forms.validate(`${code}/submission`, validExample(code))).to.deep.equal([]);
    });
  }

  const accepted: [code: string, description: string, changes: readonly Change[]][] = [
    ['khai-sinh', 'a birth without a known father', [['/father', undefined]]],
    ['khai-sinh', 'no extra extract', [['/extraExtracts', undefined]]],
    ['dang-ky-ho-kinh-doanh', 'a business line without its code', [['/businessLines/1/code', undefined]]],
    ['dang-ky-ho-kinh-doanh', 'an owner without family members', [['/members', undefined]]],
    ['giay-phep-xay-dung-nha-o', 'areas with decimals', [['/land/area', 96.5], ['/building/constructionArea', 77.25]]],
    ['ly-lich-tu-phap', 'a Phiếu số 2 without the ban confirmation', [['/certificateType', 2], ['/confirmBan', false]]],
    ['ly-lich-tu-phap', 'a residence that starts and ends the same day', [['/residences/0/to', '2006-03-02']]],
    ['doi-giay-phep-lai-xe', 'a licence without an expiry date', [['/expiryDate', undefined]]],
    ['doi-giay-phep-lai-xe', 'a paper licence number', [['/licenceNumber', 'AB123456']]],
  ];

  for (const [code, description, changes] of accepted) {
    it(`should accept ${code} with ${description}`, function () {
      expect(forms.validate(`${code}/submission`, withChanges(code, changes))).to.deep.equal([]);
    });
  }

  const refused: [code: string, description: string, changes: readonly Change[], path: string, message: string][] = [
    ['khai-sinh', "no child's name", [['/child/name', undefined]], '/child/name', 'Trường «Họ, chữ đệm và tên» là bắt buộc'],
    ['khai-sinh', 'a birth date written dd/MM/yyyy', [['/child/dateOfBirth', '28/01/2026']], '/child/dateOfBirth', `«Ngày, tháng, năm sinh» ${DATE_RULE}`],
    ['khai-sinh', 'a birth date that does not exist', [['/child/dateOfBirth', '2026-02-30']], '/child/dateOfBirth', `«Ngày, tháng, năm sinh» ${DATE_RULE}`],
    ['khai-sinh', 'a sex given in Vietnamese', [['/child/sex', 'nam']], '/child/sex', '«Giới tính» phải là một trong các giá trị: «Nam», «Nữ»'],
    ['khai-sinh', "a bad mother's ID number", [['/mother/idNumber', '04819400567']], '/mother/idNumber', `Số định danh cá nhân ${ID_NUMBER_RULE}`],
    ['khai-sinh', "no father's residence", [['/father/address', undefined]], '/father/address', 'Trường «Nơi cư trú» là bắt buộc'],
    ['khai-sinh', 'no mother', [['/mother', undefined]], '/mother', 'Trường «Thông tin người mẹ» là bắt buộc'],
    [
      'khai-sinh',
      'too many extracts',
      [['/extraExtracts', 11]],
      '/extraExtracts',
      '«Số bản sao trích lục khai sinh đề nghị cấp» phải nhỏ hơn hoặc bằng 10',
    ],
    ['lien-thong-khai-sinh-thuong-tru-bhyt', "no child's sex", [['/birth/child/sex', undefined]], '/birth/child/sex', 'Trường «Giới tính» là bắt buộc'],
    [
      'lien-thong-khai-sinh-thuong-tru-bhyt',
      "a bad household head's ID number",
      [['/residence/householdHeadIdNumber', '0480920012']],
      '/residence/householdHeadIdNumber',
      `Số định danh cá nhân của chủ hộ ${ID_NUMBER_RULE}`,
    ],
    [
      'lien-thong-khai-sinh-thuong-tru-bhyt',
      'no health-care facility',
      [['/healthInsurance/facility', undefined]],
      '/healthInsurance/facility',
      'Trường «Nơi đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu» là bắt buộc',
    ],
    [
      'lien-thong-khai-sinh-thuong-tru-bhyt',
      'a card delivery it does not offer',
      [['/healthInsurance/cardDelivery', 'email']],
      '/healthInsurance/cardDelivery',
      '«Hình thức nhận thẻ bảo hiểm y tế» phải là một trong các giá trị: «Nhận tại Bộ phận Một cửa», «Nhận qua dịch vụ bưu chính công ích», «Sử dụng thẻ bảo hiểm y tế điện tử trên VssID»',
    ],
    [
      'dang-ky-ho-kinh-doanh',
      'a name without «Hộ kinh doanh»',
      [['/businessName', 'Quán ăn Sông Hàn']],
      '/businessName',
      '«Tên hộ kinh doanh» phải bắt đầu bằng «Hộ kinh doanh» rồi đến tên riêng, ví dụ «Hộ kinh doanh Minh Anh»',
    ],
    ['dang-ky-ho-kinh-doanh', 'no business line', [['/businessLines', []]], '/businessLines', 'Cần có ít nhất một mục trong «Ngành, nghề kinh doanh»'],
    [
      'dang-ky-ho-kinh-doanh',
      'a business line code of 3 digits',
      [['/businessLines/1/code', '563']],
      '/businessLines/1/code',
      '«Mã ngành (Ngành, nghề kinh doanh, mục 2)» phải gồm 4 chữ số (ngành cấp 4 của Hệ thống ngành kinh tế Việt Nam)',
    ],
    ['dang-ky-ho-kinh-doanh', 'a negative capital', [['/capital', -1]], '/capital', '«Vốn kinh doanh (đồng)» không được là số âm'],
    ['dang-ky-ho-kinh-doanh', 'a capital with hào', [['/capital', 150000000.5]], '/capital', '«Vốn kinh doanh (đồng)» phải là số nguyên'],
    [
      'dang-ky-ho-kinh-doanh',
      "a bad owner's phone",
      [['/owner/phone', '0905123']],
      '/owner/phone',
      'Số điện thoại phải là số di động Việt Nam gồm 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) hoặc +84 và 9 chữ số',
    ],
    ['dang-ky-ho-kinh-doanh', "no owner's ID number", [['/owner/idNumber', undefined]], '/owner/idNumber', 'Trường «Số định danh cá nhân» là bắt buộc'],
    [
      'dang-ky-ho-kinh-doanh',
      "a bad member's ID number",
      [['/members/0/idNumber', '12']],
      '/members/0/idNumber',
      `Số định danh cá nhân (Thành viên hộ gia đình tham gia đăng ký hộ kinh doanh, mục 1) ${ID_NUMBER_RULE}`,
    ],
    ['giay-phep-xay-dung-nha-o', 'a land area of 0', [['/land/area', 0]], '/land/area', '«Diện tích thửa đất (m²)» phải lớn hơn 0'],
    [
      'giay-phep-xay-dung-nha-o',
      'a parcel number with letters only',
      [['/land/parcelNumber', 'abc']],
      '/land/parcelNumber',
      '«Thửa đất số» phải là số thửa ghi trên Giấy chứng nhận, ví dụ 125',
    ],
    ['giay-phep-xay-dung-nha-o', 'half a floor', [['/building/floors', 2.5]], '/building/floors', '«Số tầng (kể cả tầng lửng, tum)» phải là số nguyên'],
    ['giay-phep-xay-dung-nha-o', 'a floor area as text', [['/building/totalFloorArea', '240']], '/building/totalFloorArea', '«Tổng diện tích sàn (m²)» phải là số'],
    ['giay-phep-xay-dung-nha-o', 'a 250 m house', [['/building/height', 250]], '/building/height', '«Chiều cao công trình (m)» phải nhỏ hơn hoặc bằng 200'],
    ['giay-phep-xay-dung-nha-o', 'no designer', [['/designer', undefined]], '/designer', 'Trường «Đơn vị hoặc cá nhân thiết kế» là bắt buộc'],
    [
      'ly-lich-tu-phap',
      'a Phiếu số 3',
      [['/certificateType', 3]],
      '/certificateType',
      '«Loại Phiếu lý lịch tư pháp yêu cầu cấp» phải là một trong các giá trị: «Phiếu lý lịch tư pháp số 1», «Phiếu lý lịch tư pháp số 2»',
    ],
    ['ly-lich-tu-phap', 'no residence history', [['/residences', []]], '/residences', 'Cần có ít nhất một mục trong «Quá trình cư trú từ đủ 14 tuổi»'],
    [
      'ly-lich-tu-phap',
      'a residence that ends before it starts',
      [['/residences/1/to', '2009-12-31']],
      '/residences/1/to',
      '«Đến ngày (Quá trình cư trú từ đủ 14 tuổi, mục 2)» không được trước «Từ ngày» (01/09/2010)',
    ],
    [
      'ly-lich-tu-phap',
      'a residence without its address',
      [['/residences/2/address', undefined]],
      '/residences/2/address',
      'Trường «Nơi thường trú hoặc tạm trú (Quá trình cư trú từ đủ 14 tuổi, mục 3)» là bắt buộc',
    ],
    [
      'ly-lich-tu-phap',
      'a Phiếu số 2 with the ban confirmation',
      [['/certificateType', 2], ['/confirmBan', true]],
      '/confirmBan',
      'Chỉ Phiếu lý lịch tư pháp số 1 mới xác nhận việc bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
    ],
    ['ly-lich-tu-phap', '21 extra copies', [['/extraCopies', 21]], '/extraCopies', '«Số lượng Phiếu yêu cầu cấp thêm» phải nhỏ hơn hoặc bằng 20'],
    [
      'ly-lich-tu-phap',
      'a student flag written as text',
      [['/isStudent', 'có']],
      '/isStudent',
      '«Người yêu cầu là học sinh, sinh viên» phải là giá trị có hoặc không',
    ],
    [
      'doi-giay-phep-lai-xe',
      'a licence number of 11 digits',
      [['/licenceNumber', '48012345678']],
      '/licenceNumber',
      '«Số giấy phép lái xe» phải gồm 12 chữ số (giấy phép bằng vật liệu PET) hoặc 1–2 chữ cái in hoa và 6 chữ số (giấy phép bằng giấy bìa)',
    ],
    [
      'doi-giay-phep-lai-xe',
      'an expiry date on the issue date',
      [['/expiryDate', '2016-04-20']],
      '/expiryDate',
      '«Ngày hết hạn» phải sau «Ngày cấp» (20/04/2016)',
    ],
    ['doi-giay-phep-lai-xe', 'no health certificate date', [['/healthCertificateDate', undefined]], '/healthCertificateDate', 'Trường «Ngày khám sức khỏe» là bắt buộc'],
    [
      'doi-giay-phep-lai-xe',
      'a reason it does not know',
      [['/reason', 'lost']],
      '/reason',
      '«Lý do đổi» phải là một trong các giá trị: «Giấy phép sắp hết hạn hoặc đã hết hạn», «Giấy phép bị hỏng», «Thay đổi thông tin cá nhân», «Lý do khác»',
    ],
    ['chung-thuc-ban-sao', 'copies of 0 pages', [['/pagesPerCopy', 0]], '/pagesPerCopy', '«Số trang của mỗi bản sao» phải lớn hơn hoặc bằng 1'],
    ['chung-thuc-ban-sao', 'no number of copies', [['/copies', undefined]], '/copies', 'Trường «Số bản sao đề nghị chứng thực» là bắt buộc'],
    ['chung-thuc-ban-sao', 'an empty document name', [['/documentName', '']], '/documentName', 'Trường «Tên giấy tờ, văn bản cần chứng thực» không được để trống'],
  ];

  for (const [code, description, changes, path, message] of refused) {
    it(`should NOT accept ${code} with ${description}`, function () {
      // given
      const data = withChanges(code, changes);

      // when
      const errors = forms.validate(`${code}/submission`, data);

      // then
      expect(errors).to.deep.equal([{ path, message }]);
    });
  }

  it('should list the licence classes it accepts when the class is unknown', function () {
    // given
    const data = withChanges('doi-giay-phep-lai-xe', [['/licenceClass', 'B3']]);

    // when
    const [error] = forms.validate('doi-giay-phep-lai-xe/submission', data);

    // then
    expect(error?.path).to.equal('/licenceClass');
    expect(error?.message).to.match(/^«Hạng giấy phép lái xe» phải là một trong các giá trị: «A1», «A2», .*«B2», .*«DE»$/);
  });

  it('should name every missing required field of an empty form', function () {
    // when
    const errors = forms.validate('khai-sinh/submission', {});

    // then
    expect(errors).to.deep.equal([
      { path: '/child', message: 'Trường «Người được khai sinh» là bắt buộc' },
      { path: '/mother', message: 'Trường «Thông tin người mẹ» là bắt buộc' },
      { path: '/requesterRelation', message: 'Trường «Quan hệ của người đi khai sinh với người được khai sinh» là bắt buộc' },
    ]);
  });
});
