import type { FormSchema } from '../../forms/index.js';
import { appendAudit, canonicalJson } from '../audit/index.js';
import { importProcedureVersion, type ImportedProcedure, type ProcedureMetadata } from '../catalogue/index.js';
import { AppError, type FieldError } from '../errors.js';
import type { Services } from '../services.js';
import { checkDraft, isObject, PROCEDURE_CODE, withDesignerDefaults, type DraftCheck } from './checkDraft.js';
import { designerFormId, storeDesignerForm } from './designerForms.js';

export interface DeployRequest {
  readonly metadata: unknown;
  readonly bpmn: unknown;
  /** A new submission form; absent or null keeps the metadata's `submissionForm`. */
  readonly form?: unknown;
  readonly note?: unknown;
}

/**
 * Deploy a procedure version from the designer: everything is checked first and
 * nothing is stored when anything fails; then the form, the model and the version
 * are stored in one transaction with an audit entry, and the catalogue reloads.
 * Running dossiers stay on their version; new ones start on this one.
 */
export async function deployVersion(services: Services, actor: string, code: string, request: DeployRequest): Promise<ImportedProcedure> {
  if (!PROCEDURE_CODE.test(code)) {
    throw new AppError('VALIDATION_FAILED', `Mã thủ tục «${code}» không hợp lệ.`, {
      fields: [{ path: '/code', message: 'Mã thủ tục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, dài 2–64 ký tự.' }],
    });
  }
  if (!isObject(request.metadata)) {
    throw new AppError('VALIDATION_FAILED', 'Thiếu thông tin thủ tục.', { fields: [{ path: '/metadata', message: 'Trường «metadata» phải là một đối tượng.' }] });
  }
  const draftMetadata = withDesignerDefaults({ ...request.metadata, code: request.metadata.code ?? code }, request.form) as Record<string, unknown>;
  const check = await checkDraft(services, { bpmn: request.bpmn, metadata: draftMetadata, form: request.form });
  const fields = [...deployFields(check), ...codeMismatch(code, request.metadata.code), ...noteProblems(request.note)];
  if (fields.length) throw new AppError('VALIDATION_FAILED', `Thủ tục «${code}» chưa triển khai được: còn ${fields.length} lỗi cần sửa.`, { fields });

  const form = isObject(request.form) ? (request.form as FormSchema) : undefined;
  const formId = form ? designerFormId(code, form) : undefined;
  const metadata = { ...draftMetadata, ...(formId ? { submissionForm: formId } : {}) } as unknown as ProcedureMetadata;
  // Registered before the transaction so the first submission after commit finds it;
  // a form left registered by a failed deploy is unused and gone after a restart.
  if (form && formId) services.forms.register(formId, form);
  const unchanged = await sameAsLatest(services, metadata, request.bpmn as string);
  if (unchanged) return unchanged;
  const note = typeof request.note === 'string' && request.note.trim() ? request.note.trim() : null;
  const deployed = await services.db.transaction(async (tx) => {
    if (form && formId) await storeDesignerForm(tx, formId, form, actor);
    const imported = await importProcedureVersion(tx, services.engine, metadata, request.bpmn as string, actor);
    if (!imported.isNew) return imported;
    await tx.query('UPDATE procedure_versions SET note = $3 WHERE code = $1 AND version = $2', [code, imported.version, note]);
    await appendAudit(tx, {
      actor,
      action: 'procedure.deploy',
      entityType: 'procedure',
      entityId: code,
      before: null,
      after: { version: imported.version, processId: metadata.processId, submissionForm: metadata.submissionForm, note },
      at: services.clock.now(),
    });
    return imported;
  });
  if (deployed.isNew) await services.reloadCatalogue();
  return deployed;
}

/**
 * The latest version when the draft is the same content: the metadata compared key
 * order aside (it comes back from the database reordered), the model byte for byte.
 */
async function sameAsLatest(services: Services, metadata: ProcedureMetadata, xml: string): Promise<ImportedProcedure | undefined> {
  const latest = services.catalogue().procedure(metadata.code);
  if (!latest || canonicalJson(latest.metadata) !== canonicalJson(metadata)) return undefined;
  return (await services.engine.processXml(latest.processKey)) === xml ? { code: latest.code, version: latest.version, isNew: false } : undefined;
}

function deployFields(check: DraftCheck): FieldError[] {
  return [
    ...check.problems.map((p) => ({ path: `/bpmn/${p.elementId ?? 'definitions'}`, message: p.message })),
    ...check.metadataProblems.map((p) => ({ path: `/metadata${p.path}`, message: p.message })),
    ...check.formProblems.map((p) => ({ path: `/form${p.path}`, message: p.message })),
  ];
}

function codeMismatch(code: string, metadataCode: unknown): FieldError[] {
  if (metadataCode === undefined || metadataCode === code) return [];
  return [{ path: '/metadata/code', message: `Mã thủ tục trong thông tin là «${String(metadataCode)}» nhưng địa chỉ triển khai là «${code}».` }];
}

function noteProblems(note: unknown): FieldError[] {
  if (note === undefined || note === null) return [];
  if (typeof note !== 'string') return [{ path: '/note', message: '«Ghi chú phiên bản» phải là chuỗi ký tự.' }];
  return note.length > 2000 ? [{ path: '/note', message: '«Ghi chú phiên bản» dài tối đa 2000 ký tự.' }] : [];
}
