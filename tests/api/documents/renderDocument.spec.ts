import { expect } from 'chai';
import { DocumentContextError, renderDocument, type DocumentContext, type DocumentForm } from '../../../api/documents/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { aDocumentContext } from './documentContextBuilder.js';
import { textOf } from './htmlText.js';

const FORMS: readonly { form: DocumentForm; heading: string; page: string }[] = [
  { form: '01', heading: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', page: 'A5 portrait' },
  { form: '02', heading: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', page: 'A5 portrait' },
  { form: '03', heading: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', page: 'A5 portrait' },
  { form: '04', heading: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', page: 'A5 portrait' },
  { form: '05', heading: 'THÔNG BÁO', page: 'A5 portrait' },
  { form: '06', heading: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', page: 'A4 portrait' },
  { form: '07', heading: 'SỔ THEO DÕI HỒ SƠ', page: 'A4 landscape' },
];

describe('documents: renderDocument', () => {
  for (const { form, heading, page } of FORMS) {
    describe(`form ${form}`, () => {
      let html: string;

      before(async () => {
        html = await renderDocument(form, aDocumentContext().forForm(form).build());
      });

      it('should render a complete standalone HTML page in Vietnamese', () => {
        expect(html).to.match(/^<!DOCTYPE html>\s*<html lang="vi">/);
        expect(html).to.include('<meta charset="utf-8">');
        expect(html.trimEnd()).to.match(/<\/html>$/);
      });

      it(`should be headed "${heading}"`, () => {
        expect(html).to.include(`<h1 class="title">${heading}</h1>`);
      });

      it(`should print on ${page}`, () => {
        expect(html).to.match(new RegExp(`@page \\{ size: ${page}; margin: \\d+mm \\}`));
      });

      it('should carry the dossier code and the applicant name', () => {
        expect(html).to.include('000.00.16.H56-260305-0042');
        expect(html).to.include('Nguyễn Văn An');
      });

      it('should carry the national header, the agency block and the place and date line', () => {
        const text = textOf(html);
        expect(text).to.include('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
        expect(text).to.include('ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HẢI CHÂU');
        expect(text).to.include('Đà Nẵng, ngày 05 tháng 3 năm 2026');
      });

      it('should offer a print button that is hidden in print', () => {
        expect(html).to.include('<button type="button" onclick="window.print()">In</button>');
        expect(html).to.match(/@media print \{[^@]*\.no-print \{ display: none !important; \}/);
      });

      it('should escape user data', async () => {
        // given
        const context = aDocumentContext()
          .withApplicant({ name: '<script>alert("x")</script>', address: '<img src=x onerror=alert(1)>' })
          .forForm(form)
          .build();

        // when
        const page = await renderDocument(form, context);

        // then
        expect(page).not.to.include('<script');
        expect(page).not.to.include('<img');
        expect(page).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      });
    });
  }

  it('should print the date line in Vietnam time when the instant is still the previous day in UTC', async () => {
    // given
    const context = aDocumentContext().with({ issuedAt: new Date('2026-03-05T17:30:00Z') }).build();

    // when
    const html = await renderDocument('01', context);

    // then
    expect(html).to.include('Đà Nẵng, ngày 06 tháng 3 năm 2026');
  });

  it('should print "Số:" with the document number when one is given', async () => {
    const html = await renderDocument('03', aDocumentContext().forForm('03').with({ number: '15/TC-TTPVHCC' }).build());

    expect(html).to.include('Số: 15/TC-TTPVHCC');
  });

  it('should leave dots to write on for missing optional applicant data', async () => {
    // given
    const context = aDocumentContext().withApplicant({ phone: null, email: undefined }).build();

    // when
    const html = await renderDocument('01', context);

    // then
    expect(textOf(html)).to.include('Số điện thoại: ……………………; Email: ……………………');
  });

  describe('missing context', () => {
    interface MissingCase {
      readonly form: DocumentForm;
      readonly what: string;
      readonly context: DocumentContext;
      readonly missing: readonly string[];
      readonly message: RegExp;
    }

    const cases: readonly MissingCase[] = [
      {
        form: '01',
        what: 'the reception time',
        context: aDocumentContext().withDossier({ receivedAt: null }).build(),
        missing: ['dossier.receivedAt'],
        message: /^Expected the reception time \(`dossier\.receivedAt`\) to print form 01 \(Giấy tiếp nhận hồ sơ và hẹn trả kết quả\), but it is missing$/,
      },
      {
        form: '02',
        what: 'a reason',
        context: aDocumentContext().with({ componentsToAdd: ['Tờ khai'] }).build(),
        missing: ['reason'],
        message: /^Expected a non-empty reason \(`reason`\) to print form 02/,
      },
      {
        form: '02',
        what: 'components to add',
        context: aDocumentContext().with({ reason: 'Thiếu giấy tờ', componentsToAdd: [] }).build(),
        missing: ['componentsToAdd'],
        message: /at least one component or item to add/,
      },
      {
        form: '03',
        what: 'a reason',
        context: aDocumentContext().build(),
        missing: ['reason'],
        message: /^Expected a non-empty reason \(`reason`\) to print form 03 \(Phiếu từ chối tiếp nhận giải quyết hồ sơ\), but it is missing$/,
      },
      {
        form: '03',
        what: 'a reason that is not blank',
        context: aDocumentContext().with({ reason: '   ' }).build(),
        missing: ['reason'],
        message: /non-empty reason/,
      },
      {
        form: '04',
        what: 'the new due date',
        context: aDocumentContext().with({ reason: 'Cần xác minh' }).build(),
        missing: ['newDueAt'],
        message: /^Expected the new due date \(`newDueAt`\) to print form 04/,
      },
      {
        form: '04',
        what: 'a reason and the new due date',
        context: aDocumentContext().build(),
        missing: ['reason', 'newDueAt'],
        message: /^Expected a non-empty reason \(`reason`\) and the new due date \(`newDueAt`\) to print form 04 .*, but they are missing$/,
      },
      {
        form: '04',
        what: 'the original due date',
        context: aDocumentContext().forForm('04').withDossier({ dueAt: null, originalDueAt: null }).build(),
        missing: ['dossier.originalDueAt'],
        message: /the original due date/,
      },
      {
        form: '05',
        what: 'a reason',
        context: aDocumentContext().build(),
        missing: ['reason'],
        message: /^Expected a non-empty reason \(`reason`\) to print form 05/,
      },
      {
        form: '06',
        what: 'the hand-overs',
        context: aDocumentContext().build(),
        missing: ['handovers'],
        message: /the list of hand-overs/,
      },
      {
        form: '07',
        what: 'the tracking rows',
        context: aDocumentContext().build(),
        missing: ['trackingRows'],
        message: /the rows of the tracking book/,
      },
    ];

    for (const { form, what, context, missing, message } of cases) {
      it(`should NOT print form ${form} without ${what}`, async () => {
        // when
        const error = await rejectionOf(renderDocument(form, context));

        // then
        expect(error).to.be.instanceOf(DocumentContextError);
        expect(error.message).to.match(message);
        expect(error).to.deep.include({ code: 'DOCUMENT_CONTEXT_INCOMPLETE', form, missing });
      });
    }
  });

  it('should NOT print an unknown form', async () => {
    const error = await rejectionOf(renderDocument('08' as DocumentForm, aDocumentContext().build()));

    expect(error).to.be.instanceOf(RangeError);
    expect(error.message).to.equal(`Expected a document form '01' to '07', but got "08"`);
  });
});
