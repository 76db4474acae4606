import type { ProcedureVersion } from '../../catalogue/index.js';
import type { FormSchema } from '../../../forms/index.js';
import type { Services } from '../../services.js';

/** What the submission page's script needs: the forms as written, the papers to attach, the desks, the limits. */
export interface SubmissionPageData {
  readonly procedure: { readonly code: string; readonly name: string; readonly limitText: string; readonly feeText: string };
  readonly applicantFormId: string;
  readonly formId: string;
  /** Every form the two forms reference, by id, so the browser validates exactly as the server does. */
  readonly forms: Readonly<Record<string, FormSchema>>;
  readonly components: readonly { code: string; name: string; required: boolean; note?: string }[];
  readonly agencies: readonly { id: string; name: string; address?: string }[];
  readonly uploads: { readonly maxBytes: number; readonly types: readonly string[] };
  readonly expectedDue: string;
}

const APPLICANT_FORM = 'common/applicant';

export function submissionPageData(services: Services, procedure: ProcedureVersion): SubmissionPageData {
  const m = procedure.metadata;
  const read = (id: string) => services.forms.schema(id);
  return {
    procedure: { code: m.code, name: m.name, limitText: m.limitText, feeText: m.fee.text },
    applicantFormId: APPLICANT_FORM,
    formId: m.submissionForm,
    forms: formsReachedFrom([APPLICANT_FORM, m.submissionForm], read),
    components: m.components.map((c) => ({ code: c.code, name: c.name, required: c.required, ...(c.note ? { note: c.note } : {}) })),
    agencies: services.catalogue().receivingAgencies(m).map((a) => ({ id: a.id, name: a.name, ...(a.address ? { address: a.address } : {}) })),
    uploads: uploadLimits(services),
    expectedDue: services.calendar.dueDate(services.clock.now(), m.limit).toISOString(),
  };
}

export function uploadLimits(services: Services): { maxBytes: number; types: readonly string[] } {
  return { maxBytes: services.config.maxUploadBytes, types: services.config.allowedUploadTypes };
}

/** The forms and every form their `$ref`s point at, followed across files. */
export function formsReachedFrom(ids: readonly string[], read: (id: string) => FormSchema): Record<string, FormSchema> {
  const forms: Record<string, FormSchema> = {};
  const pending = [...ids];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id in forms) continue;
    forms[id] = read(id);
    for (const ref of refsIn(forms[id])) {
      const target = referencedFormId(id, ref);
      if (target !== undefined && !(target in forms)) pending.push(target);
    }
  }
  return forms;
}

/** The form a `$ref` written in form `from` points at: `../common/defs.schema.json#/$defs/date` in `khai-sinh/submission` is `common/defs`. */
export function referencedFormId(from: string, ref: string): string | undefined {
  const file = ref.split('#')[0]!;
  if (file === '') return undefined;
  const path = new URL(file, `https://forms.invalid/${from}.schema.json`).pathname.slice(1);
  return path.endsWith('.schema.json') ? decodeURIComponent(path.slice(0, -'.schema.json'.length)) : undefined;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refsIn(child)));
}
