import { expect } from 'chai';
import { renderDocument } from '../../../api/documents/index.js';
import { aDocumentContext, aHandover, vn } from './documentContextBuilder.js';
import { tableRows, textOf } from './htmlText.js';

describe('documents: form 06, process-control sheet', () => {
  it('should print one row per hand-over with units, time, people, due date and result', async () => {
    // given
    const context = aDocumentContext()
      .withHandovers(
        aHandover({ finishedAt: vn('2026-03-05T15:00:00'), result: 'early' }),
        aHandover({ step: 'Thẩm định hồ sơ', fromUnit: 'Phòng Kinh tế', toUnit: 'Lãnh đạo UBND phường', at: vn('2026-03-06T09:15:00'), giver: 'Phạm Văn Minh', receiver: 'Võ Văn Dũng' }),
      )
      .build();

    // when
    const html = await renderDocument('06', context);

    // then
    expect(tableRows(html, 'handovers')).to.deep.equal([
      ['1', 'Tiếp nhận hồ sơ', 'Bộ phận Một cửa', 'Phòng Kinh tế', '05/03/2026 14:00', 'Lê Thị Hoa', 'Phạm Văn Minh', '06/03/2026 17:00', '05/03/2026 15:00', 'Trước hạn'],
      ['2', 'Thẩm định hồ sơ', 'Phòng Kinh tế', 'Lãnh đạo UBND phường', '06/03/2026 09:15', 'Phạm Văn Minh', 'Võ Văn Dũng', '06/03/2026 17:00', '', ''],
    ]);
  });

  it('should label stated results in Vietnamese', async () => {
    // given
    const context = aDocumentContext()
      .withHandovers(aHandover({ result: 'early' }), aHandover({ result: 'onTime' }), aHandover({ result: 'late' }), aHandover({ result: null }))
      .build();

    // when
    const rows = tableRows(await renderDocument('06', context), 'handovers');

    // then
    expect(rows.map((row) => row.at(-1))).to.deep.equal(['Trước hạn', 'Đúng hạn', 'Quá hạn', '']);
  });

  it('should classify a finished step without a stated result by its local finish date', async () => {
    // given
    const due = vn('2026-03-06T17:00:00');
    const context = aDocumentContext()
      .withHandovers(
        aHandover({ stepDueAt: due, finishedAt: vn('2026-03-05T16:00:00') }),
        aHandover({ stepDueAt: due, finishedAt: vn('2026-03-06T20:00:00') }),
        aHandover({ stepDueAt: due, finishedAt: new Date('2026-03-06T17:30:00Z') }),
        aHandover({ stepDueAt: null, finishedAt: vn('2026-03-09T08:00:00') }),
      )
      .build();

    // when
    const rows = tableRows(await renderDocument('06', context), 'handovers');

    // then
    expect(rows.map((row) => row.at(-1))).to.deep.equal(['Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đúng hạn']);
  });

  it('should print hand-over times in Vietnam time', async () => {
    const context = aDocumentContext().withHandovers(aHandover({ at: new Date('2026-03-05T17:30:00Z') })).build();

    const rows = tableRows(await renderDocument('06', context), 'handovers');

    expect(rows[0][4]).to.equal('06/03/2026 00:30');
  });

  it('should say so when there is no hand-over yet', async () => {
    const html = await renderDocument('06', aDocumentContext().withHandovers().build());

    expect(tableRows(html, 'handovers')).to.deep.equal([['Chưa có lượt giao, nhận hồ sơ']]);
  });

  it('should head the sheet with the dossier it goes with', async () => {
    const text = textOf(await renderDocument('06', aDocumentContext().forForm('06').build()));

    expect(text).to.include('(Kèm theo hồ sơ của: Nguyễn Văn An; số định danh cá nhân/CCCD: 048090001234)');
    expect(text).to.include('Thời gian nhận hồ sơ: 05/03/2026 10:30; hẹn trả kết quả: 10/03/2026 10:30');
  });
});
