import { expect } from 'chai';
import { renderDocument } from '../../../api/documents/index.js';
import { aDocumentContext, vn } from './documentContextBuilder.js';
import { tableRows, textOf } from './htmlText.js';

describe('documents: forms 02–05, notices to the applicant', () => {
  describe('02, supplement request', () => {
    it('should list what to add and state the reason', async () => {
      // given
      const context = aDocumentContext()
        .with({ reason: 'Hợp đồng thuê chưa được công chứng', componentsToAdd: ['Hợp đồng thuê có công chứng', 'Bản sao sổ hộ khẩu <cũ>'] })
        .build();

      // when
      const html = await renderDocument('02', context);

      // then
      expect(html).to.include('<li>Hợp đồng thuê có công chứng</li>');
      expect(html).to.include('<li>Bản sao sổ hộ khẩu &lt;cũ&gt;</li>');
      expect(textOf(html)).to.include('Lý do: Hợp đồng thuê chưa được công chứng');
    });

    it('should show the components already submitted and whom to call', async () => {
      const html = await renderDocument('02', aDocumentContext().forForm('02').build());

      expect(tableRows(html, 'components')).to.have.length(3);
      expect(textOf(html)).to.include('liên hệ Trung tâm Phục vụ hành chính công phường Hải Châu, số điện thoại 0236 3822 111');
      expect(textOf(html)).to.include('NGƯỜI HƯỚNG DẪN (Ký, ghi rõ họ tên) Lê Thị Hoa');
    });
  });

  describe('03, refusal', () => {
    it('should state the reason, keeping its line breaks', async () => {
      // given
      const context = aDocumentContext().with({ reason: 'Không thuộc thẩm quyền.\nĐề nghị nộp tại Sở Tư pháp.' }).build();

      // when
      const html = await renderDocument('03', context);

      // then
      expect(html).to.include('<p class="reason">Không thuộc thẩm quyền.\nĐề nghị nộp tại Sở Tư pháp.</p>');
      expect(html).to.match(/\.reason \{[^}]*white-space: pre-line/);
    });

    it('should escape a reason that carries markup', async () => {
      const html = await renderDocument('03', aDocumentContext().with({ reason: '<script>alert(1)</script>' }).build());

      expect(html).not.to.include('<script');
      expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  });

  describe('04, apology and new date', () => {
    it('should give the original date, the reason and the new date, signed by the head of the agency', async () => {
      // given
      const context = aDocumentContext()
        .with({ reason: 'Cần xác minh thêm địa điểm kinh doanh', newDueAt: vn('2026-03-13T16:00:00') })
        .build();

      // when
      const text = textOf(await renderDocument('04', context));

      // then
      expect(text).to.include('Kính gửi: Nguyễn Văn An');
      expect(text).to.include('Thời gian hẹn trả kết quả: 10 giờ 30 phút, ngày 10/03/2026');
      expect(text).to.include('đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (ngày 10/03/2026). Lý do: Cần xác minh thêm địa điểm kinh doanh');
      expect(text).to.include('sẽ trả kết quả giải quyết hồ sơ vào 16 giờ 00 phút, ngày 13/03/2026');
      expect(text).to.include('THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên, đóng dấu) Trần Thị Bích');
    });

    it('should give the original due date rather than a due date already reset', async () => {
      // given
      const context = aDocumentContext()
        .withDossier({ originalDueAt: vn('2026-03-10T10:30:00'), dueAt: vn('2026-03-13T16:00:00') })
        .forForm('04')
        .build();

      // when
      const text = textOf(await renderDocument('04', context));

      // then
      expect(text).to.include('Thời gian hẹn trả kết quả: 10 giờ 30 phút, ngày 10/03/2026');
      expect(text).to.include('(ngày 10/03/2026)');
    });
  });

  describe('05, notice of stopping', () => {
    it('should state the reason and be signed by the head of the agency', async () => {
      // given
      const context = aDocumentContext().with({ reason: 'Người nộp hồ sơ đã giải thể hộ kinh doanh' }).build();

      // when
      const text = textOf(await renderDocument('05', context));

      // then
      expect(text).to.include('THÔNG BÁO Về việc dừng xử lý hồ sơ');
      expect(text).to.include('thông báo dừng xử lý hồ sơ nêu trên với lý do như sau: Người nộp hồ sơ đã giải thể hộ kinh doanh');
      expect(text).to.include('THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên, đóng dấu) Trần Thị Bích');
    });
  });
});
