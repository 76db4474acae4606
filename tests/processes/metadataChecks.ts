/**
 * Checks procedure.json against ProcedureMetadata (api/catalogue/types.ts) field by
 * field, since JSON carries no types: each problem is one sentence naming the field.
 */
import type { ProcedureMetadata } from '../../api/catalogue/types.js';

type Json = Record<string, unknown>;

const FIELDS: readonly (keyof ProcedureMetadata)[] = [
  'code', 'nationalCode', 'name', 'field', 'level', 'receivingAgencyKinds', 'limit', 'limitOnPaper', 'limitText', 'fee',
  'onlineLevel', 'supplementPolicy', 'components', 'submissionForm', 'result', 'resultPlace', 'bpmn', 'processId', 'legalBasis',
];
const OPTIONAL = new Set<string>(['limitOnPaper', 'resultPlace', 'legalBasis']);
const REQUIRED_TEXT = ['code', 'name', 'field', 'limitText', 'submissionForm', 'result', 'bpmn', 'processId'] as const;
const LEVELS = ['province', 'district', 'commune'];
const LIMIT_UNITS = ['workingDays', 'workingHours', 'calendarDays', 'sameDay'];
const ONLINE_LEVELS = ['toan-trinh', 'mot-phan'];
const SUPPLEMENT_POLICIES = ['restart', 'extend'];
/** Empty when the code is not confirmed, otherwise as on the national database, e.g. 1.001193. */
const NATIONAL_CODE = /^(\d\.\d{6})?$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

export function metadataProblems(value: unknown, folder: string): string[] {
  if (!isObject(value)) return ['Expected procedure.json to hold a JSON object'];
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!(FIELDS as readonly string[]).includes(key)) problems.push(`Expected no field '${key}': ProcedureMetadata does not define it`);
  for (const key of FIELDS) if (!OPTIONAL.has(key) && !(key in value)) problems.push(`Expected the field '${key}'`);
  for (const key of REQUIRED_TEXT) if (key in value && !isText(value[key])) problems.push(`Expected '${key}' to be a non-empty string`);
  if (value.code !== folder) problems.push(`Expected 'code' to equal the folder name '${folder}', but got ${JSON.stringify(value.code)}`);
  if (typeof value.nationalCode !== 'string' || !NATIONAL_CODE.test(value.nationalCode)) problems.push(`Expected 'nationalCode' to be empty or like '1.001193', but got ${JSON.stringify(value.nationalCode)}`);
  if (!LEVELS.includes(value.level as string)) problems.push(`Expected 'level' to be one of ${LEVELS.join(', ')}, but got ${JSON.stringify(value.level)}`);
  const kinds = value.receivingAgencyKinds;
  if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every(isText)) problems.push("Expected 'receivingAgencyKinds' to be a non-empty list of agency kinds");
  problems.push(...limitProblems('limit', value.limit));
  if (value.limitOnPaper !== undefined) problems.push(...limitProblems('limitOnPaper', value.limitOnPaper));
  problems.push(...feeProblems(value.fee));
  if (!ONLINE_LEVELS.includes(value.onlineLevel as string)) problems.push(`Expected 'onlineLevel' to be one of ${ONLINE_LEVELS.join(', ')}, but got ${JSON.stringify(value.onlineLevel)}`);
  if (!SUPPLEMENT_POLICIES.includes(value.supplementPolicy as string)) problems.push(`Expected 'supplementPolicy' to be one of ${SUPPLEMENT_POLICIES.join(', ')}, but got ${JSON.stringify(value.supplementPolicy)}`);
  problems.push(...componentProblems(value.components));
  if (value.submissionForm !== `${folder}/submission`) problems.push(`Expected 'submissionForm' to be '${folder}/submission', but got ${JSON.stringify(value.submissionForm)}`);
  if (value.resultPlace !== undefined && !isText(value.resultPlace)) problems.push("Expected 'resultPlace' to be a non-empty string when present");
  const legal = value.legalBasis;
  if (legal !== undefined && (!Array.isArray(legal) || !legal.every(isText))) problems.push("Expected 'legalBasis' to be a list of non-empty strings when present");
  return problems;
}

function limitProblems(field: string, limit: unknown): string[] {
  if (!isObject(limit)) return [`Expected '${field}' to be an object with a unit`];
  if (!LIMIT_UNITS.includes(limit.unit as string)) return [`Expected the unit of '${field}' to be one of ${LIMIT_UNITS.join(', ')}, but got ${JSON.stringify(limit.unit)}`];
  if (limit.unit === 'sameDay') return 'amount' in limit ? [`Expected no amount on the sameDay '${field}'`] : [];
  return typeof limit.amount === 'number' && limit.amount > 0 ? [] : [`Expected a positive amount of ${String(limit.unit)} on '${field}', but got ${JSON.stringify(limit.amount)}`];
}

function feeProblems(fee: unknown): string[] {
  if (!isObject(fee)) return ["Expected 'fee' to be an object with amount and text"];
  const problems: string[] = [];
  if (!(fee.amount === null || (typeof fee.amount === 'number' && fee.amount >= 0))) problems.push(`Expected the fee amount to be 0 or more đồng, or null when set per case, but got ${JSON.stringify(fee.amount)}`);
  if (!isText(fee.text)) problems.push('Expected the fee text as printed for citizens');
  return problems;
}

function componentProblems(components: unknown): string[] {
  if (!Array.isArray(components) || components.length === 0) return ["Expected 'components' to list the papers of the dossier"];
  return components.flatMap((component: unknown, index) => {
    if (!isObject(component)) return [`Expected component ${index} to be an object`];
    const label = `component ${index} (${String(component.code)})`;
    const problems: string[] = [];
    if (typeof component.code !== 'string' || !KEBAB.test(component.code)) problems.push(`Expected the code of ${label} to be kebab-case`);
    if (!isText(component.name)) problems.push(`Expected a name on ${label}`);
    if (!isCount(component.originals) || !isCount(component.copies)) problems.push(`Expected whole numbers of originals and copies on ${label}`);
    else if ((component.originals as number) + (component.copies as number) === 0) problems.push(`Expected at least one original or copy of ${label}`);
    if (typeof component.required !== 'boolean') problems.push(`Expected 'required' to be true or false on ${label}`);
    if (component.note !== undefined && !isText(component.note)) problems.push(`Expected the note of ${label} to be a non-empty string when present`);
    return problems;
  });
}

/** Component codes used more than once. */
export function duplicateComponentCodes(metadata: ProcedureMetadata): string[] {
  const codes = metadata.components.map((component) => component.code);
  return [...new Set(codes.filter((code, index) => codes.indexOf(code) !== index))];
}
