import { param } from '../http/input.js';
import { Router } from 'express';
import type { ProcedureVersion } from '../catalogue/index.js';
import type { Services } from '../services.js';

const LIMIT_UNITS: Record<string, string> = {
  workingDays: 'ngày làm việc',
  workingHours: 'giờ làm việc',
  calendarDays: 'ngày',
  sameDay: 'trong ngày',
};

/** The public catalogue: what a citizen reads before submitting. */
export function procedureRoutes(services: Services): Router {
  const router = Router();

  router.get('/api/procedures', (_req, res) => {
    res.json({ procedures: services.catalogue().listProcedures().map((p) => summary(p)) });
  });

  router.get('/api/procedures/:code', (req, res) => {
    const catalogue = services.catalogue();
    const procedure = catalogue.requireProcedure(param(req, 'code'));
    const m = procedure.metadata;
    res.json({
      ...summary(procedure),
      legalBasis: m.legalBasis ?? [],
      components: m.components,
      result: m.result,
      resultPlace: m.resultPlace ?? null,
      supplementPolicy: m.supplementPolicy,
      receivingAgencies: catalogue.receivingAgencies(m).map((a) => ({ id: a.id, name: a.name, address: a.address })),
      form: { id: m.submissionForm, schema: services.forms.schema(m.submissionForm) },
      applicantForm: { id: 'common/applicant', schema: services.forms.schema('common/applicant') },
      ui: {
        submitLabel: 'Nộp hồ sơ',
        attachments: { maxBytes: services.config.maxUploadBytes, types: services.config.allowedUploadTypes },
        dueEstimate: `/api/calendar/due?from=now&${m.limit.unit === 'sameDay' ? 'sameDay=true' : `${m.limit.unit}=${m.limit.amount}`}`,
      },
    });
  });

  router.get('/api/agencies', (_req, res) => {
    res.json({
      agencies: services.catalogue().listAgencies().map((a) => ({
        id: a.id, parentId: a.parentId, unitCode: a.unitCode, name: a.name, level: a.level, kind: a.kind, receivesDossiers: a.receivesDossiers, address: a.address,
      })),
    });
  });

  return router;
}

function summary(p: ProcedureVersion) {
  const m = p.metadata;
  return {
    code: m.code,
    version: p.version,
    nationalCode: m.nationalCode,
    name: m.name,
    field: m.field,
    level: m.level,
    limit: m.limit,
    limitText: m.limitText,
    limitUnitName: LIMIT_UNITS[m.limit.unit],
    fee: m.fee,
    onlineLevel: m.onlineLevel,
    onlineLevelName: m.onlineLevel === 'toan-trinh' ? 'Toàn trình' : 'Một phần',
  };
}
