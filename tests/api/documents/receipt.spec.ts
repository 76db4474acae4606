import { expect } from 'chai';
import { renderDocument } from '../../../api/documents/index.js';
import { aDocumentContext, vn } from './documentContextBuilder.js';
import { tableRows, textOf } from './htmlText.js';

describe('documents: form 01, receipt and appointment slip', () => {
  let html: string;
  let text: string;

  before(async () => {
    html = await renderDocument('01', aDocumentContext().build());
    text = textOf(html);
  });

  it('should embed an inline SVG QR code of the look-up URL with the URL printed under it', () => {
    expect(html).to.match(/<div class="lookup">\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>/);
    expect(text).to.include('https://motcua.danang.gov.vn/tra-cuu?ma=000.00.16.H56-260305-0042');
  });

  it('should list the components with their originals and copies', () => {
    expect(tableRows(html, 'components')).to.deep.equal([
      ['1', 'Giấy đề nghị đăng ký hộ kinh doanh', '1', '0'],
      ['2', 'Bản sao giấy tờ pháp lý của chủ hộ', '0', '1'],
      ['3', 'Hợp đồng thuê địa điểm kinh doanh', '0', '1'],
    ]);
  });

  it('should state the applicant, the request, the sets, the limit, the times, the place and the fee', () => {
    for (const expected of [
      'Ông/Bà/Tổ chức: Nguyễn Văn An',
      'Số định danh cá nhân/CCCD: 048090001234',
      'Địa chỉ: 12 Lê Lợi, phường Hải Châu, thành phố Đà Nẵng',
      'Số điện thoại: 0905123456; Email: an.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký thành lập hộ kinh doanh quán cà phê',
      '2. Số lượng hồ sơ: 1 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 10 giờ 30 phút, ngày 05/03/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 30 phút, ngày 10/03/2026',
      '6. Đăng ký nhận kết quả tại: Bộ phận Một cửa phường Hải Châu',
      '7. Phí, lệ phí: 30.000 đồng',
    ]) {
      expect(text).to.include(expected);
    }
  });

  it('should name the channel the dossier came through', () => {
    expect(text).to.include('đã tiếp nhận hồ sơ (Trực tiếp) của');
  });

  it('should carry the signatures of the applicant and the receiving officer', () => {
    expect(text).to.include('NGƯỜI NỘP HỒ SƠ (Ký, ghi rõ họ tên) Nguyễn Văn An');
    expect(text).to.include('NGƯỜI TIẾP NHẬN HỒ SƠ (Ký, ghi rõ họ tên) Lê Thị Hoa');
  });

  it('should print times in Vietnam time when the instant is still the previous day in UTC', async () => {
    // given
    const context = aDocumentContext().withDossier({ receivedAt: new Date('2026-03-05T17:30:00Z') }).build();

    // when
    const page = textOf(await renderDocument('01', context));

    // then
    expect(page).to.include('4. Thời gian nhận hồ sơ: 00 giờ 30 phút, ngày 06/03/2026');
  });

  it('should say the result is returned on the spot when there is no appointment', async () => {
    const page = textOf(await renderDocument('01', aDocumentContext().withDossier({ dueAt: null }).build()));

    expect(page).to.include('5. Thời gian trả kết quả giải quyết hồ sơ: trả ngay khi tiếp nhận');
  });

  it('should NOT list a fee when there is none', async () => {
    const page = textOf(await renderDocument('01', aDocumentContext().withDossier({ fee: undefined }).build()));

    expect(page).not.to.include('Phí, lệ phí');
  });

  it('should escape a look-up URL that carries markup while still encoding it', async () => {
    // given
    const context = aDocumentContext().withDossier({ lookupUrl: 'https://x.vn/?q="><script>alert(1)</script>', receivedAt: vn('2026-03-05T08:00:00') }).build();

    // when
    const page = await renderDocument('01', context);

    // then
    expect(page).not.to.include('<script');
    expect(page).to.include('https://x.vn/?q&#x3D;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).to.include('<svg');
  });
});
