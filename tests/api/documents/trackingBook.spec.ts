import { expect } from 'chai';
import { renderDocument } from '../../../api/documents/index.js';
import { aDocumentContext, aTrackingRow, vn } from './documentContextBuilder.js';
import { tableRows } from './htmlText.js';

describe('documents: form 07, tracking book', () => {
  it('should print the given rows on A4 landscape, judging returned dossiers against their due dates', async () => {
    // given
    const context = aDocumentContext()
      .with({
        trackingRows: [
          aTrackingRow({ returnedAt: vn('2026-03-09T09:00:00'), receiverName: 'Nguyễn Văn An' }),
          aTrackingRow({
            code: '000.00.16.H56-260305-0043',
            applicantName: 'Trần Thị Mai',
            procedureName: 'Cấp phiếu lý lịch tư pháp',
            dueAt: vn('2026-03-19T17:00:00'),
            returnedAt: vn('2026-03-20T08:00:00'),
            result: 'late',
            note: 'Đã xin lỗi',
          }),
          aTrackingRow({ code: '000.00.16.H56-260305-0044', applicantName: 'Lê Văn Bình' }),
        ],
      })
      .build();

    // when
    const html = await renderDocument('07', context);

    // then
    expect(html).to.include('@page { size: A4 landscape; margin: 12mm }');
    expect(tableRows(html, 'tracking')).to.deep.equal([
      ['1', '000.00.16.H56-260305-0042', 'Đăng ký hộ kinh doanh', 'Nguyễn Văn An', '05/03/2026 10:30', '10/03/2026 10:30', '09/03/2026 09:00', 'Trước hạn', 'Nguyễn Văn An', ''],
      ['2', '000.00.16.H56-260305-0043', 'Cấp phiếu lý lịch tư pháp', 'Trần Thị Mai', '05/03/2026 10:30', '19/03/2026 17:00', '20/03/2026 08:00', 'Quá hạn', '', 'Đã xin lỗi'],
      ['3', '000.00.16.H56-260305-0044', 'Đăng ký hộ kinh doanh', 'Lê Văn Bình', '05/03/2026 10:30', '10/03/2026 10:30', '', '', '', ''],
    ]);
  });

  it('should print an empty book page when there are no rows', async () => {
    const html = await renderDocument('07', aDocumentContext().with({ trackingRows: [] }).build());

    expect(tableRows(html, 'tracking')).to.deep.equal([['Không có hồ sơ']]);
  });

  it('should title the page without a dossier code, as the book spans many dossiers', async () => {
    const html = await renderDocument('07', aDocumentContext().forForm('07').build());

    expect(html).to.include('<title>Sổ theo dõi hồ sơ</title>');
  });
});
