import { t } from '../shared/texts.js';

/** The label of each metadata field, by its name in procedure.json. */
const FIELDS: Readonly<Record<string, string>> = {
  name: 'studio.meta.name',
  field: 'studio.meta.field',
  level: 'studio.meta.level',
  nationalCode: 'studio.meta.nationalCode',
  limit: 'studio.meta.limitGroup',
  limitOnPaper: 'studio.meta.limitGroup',
  limitText: 'studio.meta.limitText',
  fee: 'studio.meta.feeGroup',
  onlineLevel: 'studio.meta.onlineLevel',
  supplementPolicy: 'studio.meta.supplementPolicy',
  receivingAgencyKinds: 'studio.meta.agencyKinds',
  result: 'studio.meta.result',
  resultPlace: 'studio.meta.resultPlace',
  legalBasis: 'studio.meta.legalBasis',
  components: 'studio.meta.components',
};

/** The labels of the parts inside a field (`/fee/amount`, `/components/0/name`). */
const PARTS: Readonly<Record<string, string>> = {
  amount: 'studio.meta.limitAmount',
  unit: 'studio.meta.limitUnit',
  text: 'studio.meta.feeText',
  code: 'studio.meta.componentCode',
  name: 'studio.meta.componentName',
  originals: 'studio.meta.originals',
  copies: 'studio.meta.copies',
  required: 'studio.meta.required',
  note: 'studio.meta.note',
};

/**
 * A metadata path as a person reads it: `/components/1/name` is
 * "Thành phần hồ sơ › Giấy tờ 2 › Tên giấy tờ". Unknown parts show as they are.
 */
export function metadataLabel(path: string): string {
  const [field, ...rest] = path.split('/').slice(1);
  if (!field) return path;
  const parts = [FIELDS[field] ? t(FIELDS[field]) : field];
  for (const part of rest) {
    if (/^\d+$/.test(part)) parts.push(field === 'components' ? t('studio.meta.component', { number: Number(part) + 1 }) : `${Number(part) + 1}`);
    else if (field === 'fee' && part === 'amount') parts.push(t('studio.meta.feeAmount'));
    else parts.push(PARTS[part] ? t(PARTS[part]) : part);
  }
  return parts.join(' › ');
}
