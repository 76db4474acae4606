import type {
  DocumentApplicant,
  DocumentContext,
  DocumentDossier,
  DocumentForm,
  DocumentHandover,
  DocumentTrackingRow,
} from '../../../api/documents/index.js';

/** Local Vietnam time written as UTC+07:00, so specs read like the printed page. */
export function vn(localIso: string): Date {
  return new Date(`${localIso}+07:00`);
}

/**
 * A complete, plausible context for a household-business dossier in Đà Nẵng. Specs change
 * only what they are about; `forForm` adds what a form cannot be printed without.
 */
export class DocumentContextBuilder {
  private context: DocumentContext = {
    place: 'Đà Nẵng',
    issuedAt: vn('2026-03-05T10:30:00'),
    agency: {
      name: 'Trung tâm Phục vụ hành chính công phường Hải Châu',
      parentName: 'Ủy ban nhân dân phường Hải Châu',
      address: '270 Trần Phú, phường Hải Châu, thành phố Đà Nẵng',
      phone: '0236 3822 111',
      email: 'motcua.haichau@danang.gov.vn',
      headName: 'Trần Thị Bích',
    },
    dossier: {
      code: '000.00.16.H56-260305-0042',
      procedureName: 'Đăng ký hộ kinh doanh',
      field: 'Thành lập và hoạt động của hộ kinh doanh',
      applicant: {
        name: 'Nguyễn Văn An',
        idNumber: '048090001234',
        address: '12 Lê Lợi, phường Hải Châu, thành phố Đà Nẵng',
        phone: '0905123456',
        email: 'an.nguyen@example.vn',
      },
      summary: 'Đăng ký thành lập hộ kinh doanh quán cà phê',
      components: [
        { name: 'Giấy đề nghị đăng ký hộ kinh doanh', originals: 1, copies: 0 },
        { name: 'Bản sao giấy tờ pháp lý của chủ hộ', originals: 0, copies: 1 },
        { name: 'Hợp đồng thuê địa điểm kinh doanh', originals: 0, copies: 1 },
      ],
      sets: 1,
      limitText: '03 ngày làm việc',
      channel: 1,
      receivedAt: vn('2026-03-05T10:30:00'),
      dueAt: vn('2026-03-10T10:30:00'),
      resultPlace: 'Bộ phận Một cửa phường Hải Châu',
      lookupUrl: 'https://motcua.danang.gov.vn/tra-cuu?ma=000.00.16.H56-260305-0042',
      fee: '30.000 đồng',
    },
    officer: { name: 'Lê Thị Hoa' },
  };

  with(changes: Partial<DocumentContext>): this {
    this.context = { ...this.context, ...changes };
    return this;
  }

  withDossier(changes: Partial<DocumentDossier>): this {
    return this.with({ dossier: { ...this.context.dossier, ...changes } });
  }

  withApplicant(changes: Partial<DocumentApplicant>): this {
    return this.withDossier({ applicant: { ...this.context.dossier.applicant, ...changes } });
  }

  withHandovers(...handovers: DocumentHandover[]): this {
    return this.with({ handovers });
  }

  /** Adds the pieces `form` requires, keeping any the spec already set. */
  forForm(form: DocumentForm): this {
    const { dossier } = this.context;
    const needs: Record<DocumentForm, Partial<DocumentContext>> = {
      '01': {},
      '02': { reason: 'Hồ sơ thiếu giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh', componentsToAdd: ['Hợp đồng thuê địa điểm có công chứng'] },
      '03': { reason: 'Thủ tục không thuộc thẩm quyền giải quyết của phường' },
      '04': { reason: 'Cần xác minh thêm địa điểm kinh doanh', newDueAt: vn('2026-03-13T16:00:00') },
      '05': { reason: 'Người nộp hồ sơ đã giải thể hộ kinh doanh' },
      '06': { handovers: [aHandover()] },
      '07': { trackingRows: [aTrackingRow({ code: dossier.code, applicantName: dossier.applicant.name })] },
    };
    const missing = Object.fromEntries(Object.entries(needs[form]).filter(([key]) => !(key in this.context)));
    return this.with(missing);
  }

  build(): DocumentContext {
    return this.context;
  }
}

export function aDocumentContext(): DocumentContextBuilder {
  return new DocumentContextBuilder();
}

export function aHandover(changes: Partial<DocumentHandover> = {}): DocumentHandover {
  return {
    step: 'Tiếp nhận hồ sơ',
    fromUnit: 'Bộ phận Một cửa',
    toUnit: 'Phòng Kinh tế',
    at: vn('2026-03-05T14:00:00'),
    giver: 'Lê Thị Hoa',
    receiver: 'Phạm Văn Minh',
    stepDueAt: vn('2026-03-06T17:00:00'),
    finishedAt: null,
    result: null,
    ...changes,
  };
}

export function aTrackingRow(changes: Partial<DocumentTrackingRow> = {}): DocumentTrackingRow {
  return {
    code: '000.00.16.H56-260305-0042',
    applicantName: 'Nguyễn Văn An',
    procedureName: 'Đăng ký hộ kinh doanh',
    receivedAt: vn('2026-03-05T10:30:00'),
    dueAt: vn('2026-03-10T10:30:00'),
    returnedAt: null,
    ...changes,
  };
}
