import { param } from '../http/input.js';
import { Router } from 'express';
import { requireUser } from '../auth/index.js';
import { isDocumentForm, renderDocument, type DocumentContext, type DocumentForm } from '../documents/index.js';
import { lookupUrl, statusName, type DossierRecord } from '../dossiers/index.js';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import { actorOf } from './actorOf.js';

/** `GET /api/documents/:code/:form`: forms 01–07 as printable pages for officers. */
export function documentRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/documents/:code/:form', requireUser('officer', 'auditor', 'admin'), async (req, res) => {
    const dossier = await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    const page = await renderDossierDocument(services, dossier, param(req, 'form'));
    res.type('html').send(page);
  });
  return router;
}

/** Gather what a form prints from the dossier, its steps and hand-overs; a form the dossier has not reached is refused. */
export async function renderDossierDocument(services: Services, dossier: DossierRecord, form: string): Promise<string> {
  if (!isDocumentForm(form)) throw new AppError('NOT_FOUND', `Không có mẫu phiếu «${form}»; các mẫu là 01 đến 07.`);
  const context = await documentContext(services, dossier, form);
  return renderDocument(form, context);
}

const NOT_ISSUED: Partial<Record<DocumentForm, (d: DossierRecord) => string | undefined>> = {
  '01': (d) => (d.receivedAt ? undefined : 'Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả.'),
  '02': (d) => (d.supplementReason ? undefined : 'Hồ sơ không có yêu cầu bổ sung.'),
  '03': (d) => (d.status === 3 ? undefined : 'Hồ sơ không bị từ chối tiếp nhận.'),
  '04': (d) => (d.apologyAt ? undefined : 'Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.'),
  '05': (d) => (d.status === 8 ? undefined : 'Hồ sơ không bị dừng xử lý.'),
};

async function documentContext(services: Services, dossier: DossierRecord, form: DocumentForm): Promise<DocumentContext> {
  const refusal = NOT_ISSUED[form]?.(dossier);
  if (refusal) throw new AppError('NOT_FOUND', refusal);
  const catalogue = services.catalogue();
  const procedure = catalogue.procedureVersion(dossier.procedureCode, dossier.procedureVersion).metadata;
  const agency = catalogue.requireAgency(dossier.receivingAgencyId);
  const parent = catalogue.parentOf(agency.id);
  const officerName = await fullNameOf(services, dossier.receivedBy);
  const handovers = await services.db.query<Record<string, unknown>>('SELECT * FROM dossier_handovers WHERE dossier_id = $1 ORDER BY id', [dossier.id]);
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  const unitName = (id: unknown) => (id ? catalogue.agency(id as string)?.name ?? String(id) : 'Người nộp hồ sơ');
  return {
    place: services.config.place,
    issuedAt: issuedAt(dossier, form, services.clock.now()),
    agency: {
      name: agency.name,
      ...(parent ? { parentName: parent.name } : {}),
      address: agency.address,
      phone: agency.phone,
      email: agency.email,
    },
    dossier: {
      code: dossier.code,
      procedureName: procedure.name,
      field: procedure.field,
      applicant: dossier.applicant,
      summary: procedure.name,
      components: procedure.components.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies })),
      sets: 1,
      limitText: procedure.limitText,
      channel: dossier.channel,
      receivedAt: dossier.receivedAt,
      dueAt: dossier.dueAt,
      originalDueAt: dossier.originalDueAt,
      resultPlace: procedure.resultPlace ?? agency.name,
      lookupUrl: lookupUrl(services.config.publicBaseUrl, dossier.code),
      statusName: statusName(dossier.status),
      fee: procedure.fee.text,
    },
    ...(officerName ? { officer: { name: officerName } } : {}),
    ...(form === '02' && dossier.supplementReason ? { reason: dossier.supplementReason, componentsToAdd: dossier.supplementComponents ?? [] } : {}),
    ...(form === '03' ? { reason: dossier.refusalReason ?? 'Hồ sơ không thuộc thẩm quyền hoặc không đủ điều kiện tiếp nhận' } : {}),
    ...(form === '04' ? { reason: dossier.apologyReason ?? '', newDueAt: dossier.dueAt ?? undefined } : {}),
    ...(form === '05' ? { reason: dossier.endReason ?? '' } : {}),
    handovers: handovers.rows.map((h) => ({
      step: h.step_name as string,
      fromUnit: unitName(h.from_agency_id),
      toUnit: h.to_agency_id ? unitName(h.to_agency_id) : 'Người nộp hồ sơ',
      at: new Date(h.at as string),
      giver: (h.giver as string | null) ?? null,
      receiver: (h.receiver as string | null) ?? null,
      stepDueAt: date(h.step_due_at),
      finishedAt: new Date(h.at as string),
      result: (h.timing as 'early' | 'onTime' | 'late' | null) ?? null,
    })),
    trackingRows: [
      {
        code: dossier.code,
        applicantName: dossier.applicant.name,
        procedureName: procedure.name,
        receivedAt: dossier.receivedAt,
        dueAt: dossier.originalDueAt ?? dossier.dueAt,
        returnedAt: dossier.returnedAt,
        result: null,
        receiverName: dossier.returnedAt ? dossier.applicant.name : null,
        note: dossier.apologyAt ? 'Đã xin lỗi và hẹn lại' : null,
      },
    ],
  };
}

function issuedAt(dossier: DossierRecord, form: DocumentForm, now: Date): Date {
  switch (form) {
    case '01':
      return dossier.receivedAt ?? now;
    case '04':
      return dossier.apologyAt ?? now;
    case '03':
    case '05':
      return dossier.endedAt ?? now;
    default:
      return now;
  }
}

async function fullNameOf(services: Services, username: string | null): Promise<string | undefined> {
  if (!username) return undefined;
  const { rows } = await services.db.query<{ full_name: string }>('SELECT full_name FROM users WHERE username = $1', [username]);
  return rows[0]?.full_name;
}
