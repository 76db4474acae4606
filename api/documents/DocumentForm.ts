/** The printed forms of Circular 03/2025/TT-VPCP, by their number there (DOMAIN.md §4). */
export type DocumentForm = '01' | '02' | '03' | '04' | '05' | '06' | '07';

export interface DocumentPage {
  /** The CSS `@page` size, e.g. `A5 portrait`. */
  readonly size: string;
  readonly margin: string;
  /** Sizes the on-screen preview like the sheet it will be printed on. */
  readonly sheetClass: 'sheet-a5' | 'sheet-a4' | 'sheet-a4-landscape';
}

export interface DocumentFormSpec {
  readonly title: string;
  readonly page: DocumentPage;
  /** Whether the document concerns one dossier, so its code belongs in the page title. */
  readonly forOneDossier: boolean;
}

const A5_PORTRAIT: DocumentPage = { size: 'A5 portrait', margin: '12mm', sheetClass: 'sheet-a5' };
const A4_PORTRAIT: DocumentPage = { size: 'A4 portrait', margin: '15mm', sheetClass: 'sheet-a4' };
const A4_LANDSCAPE: DocumentPage = { size: 'A4 landscape', margin: '12mm', sheetClass: 'sheet-a4-landscape' };

/** One entry per form; the mapped type makes the compiler demand a spec for every new form. */
export const DOCUMENT_FORM_SPECS: Readonly<Record<DocumentForm, DocumentFormSpec>> = {
  '01': { title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', page: A5_PORTRAIT, forOneDossier: true },
  '02': { title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', page: A5_PORTRAIT, forOneDossier: true },
  '03': { title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', page: A5_PORTRAIT, forOneDossier: true },
  '04': { title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', page: A5_PORTRAIT, forOneDossier: true },
  '05': { title: 'Thông báo về việc dừng xử lý hồ sơ', page: A5_PORTRAIT, forOneDossier: true },
  '06': { title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', page: A4_PORTRAIT, forOneDossier: true },
  '07': { title: 'Sổ theo dõi hồ sơ', page: A4_LANDSCAPE, forOneDossier: false },
};

export const DOCUMENT_FORMS: readonly { readonly form: DocumentForm; readonly title: string }[] = (
  Object.keys(DOCUMENT_FORM_SPECS) as DocumentForm[]
).map((form) => ({ form, title: DOCUMENT_FORM_SPECS[form].title }));

export function isDocumentForm(value: string): value is DocumentForm {
  return Object.hasOwn(DOCUMENT_FORM_SPECS, value);
}
