import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { formatAmount, toAmount } from './formatAmount.js';
import { formatDateTime, toInstant } from './formatDateTime.js';
import { NotificationError } from './NotificationError.js';
import { isNotificationTemplate, TEMPLATE_FIELDS, type NotificationTemplate, type TemplateFieldKind } from './NotificationTemplate.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './NotificationTransport.js';

export interface RenderedNotification {
  /** Only for e-mail. */
  readonly subject?: string;
  readonly text: string;
}

/** The most characters an SMS or Zalo text may have; the templates aim well below it. */
export const SHORT_TEXT_LIMIT = 160;

const TEMPLATES_DIR = new URL('./templates/', import.meta.url);

// Output is plain text (e-mail text part, SMS), never HTML: escaping would turn a
// reason such as "thiếu bản sao <CCCD>" into entities in the citizen's message.
const COMPILE_OPTIONS = { noEscape: true } as const;

const handlebars = Handlebars.create();
handlebars.registerHelper('date', (value: unknown) => formatDateTime(value));
handlebars.registerHelper('money', (value: unknown) => formatAmount(value));
handlebars.registerHelper('short', (value: unknown, max: unknown) => shorten(String(value ?? ''), Number(max)));
for (const partial of ['greeting', 'signature']) {
  handlebars.registerPartial(partial, readTemplate(`_partials/${partial}.hbs`));
}

interface CompiledTemplate {
  readonly subject: Handlebars.TemplateDelegate;
  readonly email: Handlebars.TemplateDelegate;
  readonly short: Handlebars.TemplateDelegate;
}

const compiled = new Map<NotificationTemplate, CompiledTemplate>();

/**
 * The text of one notification in Vietnamese: subject and body for e-mail, one short line
 * (at most 160 characters, diacritics kept) for SMS and Zalo. Dates read dd/MM/yyyy HH:mm
 * in Viet Nam's time. Throws a NotificationError naming the field when required data is
 * missing or malformed.
 */
export function renderNotification(template: NotificationTemplate, channel: NotificationChannel, data: Record<string, unknown>): RenderedNotification {
  const parts = compiledTemplate(template);
  if (!NOTIFICATION_CHANNELS.includes(channel)) {
    throw new NotificationError('UNKNOWN_CHANNEL', `Expected a channel among ${NOTIFICATION_CHANNELS.join(', ')}, but got '${String(channel)}'.`);
  }
  assertRequiredFields(template, data);
  const values = normalizeStrings(data) as Record<string, unknown>;
  if (channel === 'email') {
    return { subject: oneLine(parts.subject(values)), text: paragraphs(parts.email(values)) };
  }
  return { text: shorten(oneLine(parts.short(values)), SHORT_TEXT_LIMIT) };
}

function compiledTemplate(template: string): CompiledTemplate {
  if (!isNotificationTemplate(template)) {
    throw new NotificationError('UNKNOWN_TEMPLATE', `Expected a notification template among ${Object.keys(TEMPLATE_FIELDS).join(', ')}, but got '${template}'.`);
  }
  let parts = compiled.get(template);
  if (parts === undefined) {
    const compile = (file: string): Handlebars.TemplateDelegate => handlebars.compile(readTemplate(`${template}/${file}`), COMPILE_OPTIONS);
    parts = { subject: compile('subject.hbs'), email: compile('email.hbs'), short: compile('sms.hbs') };
    compiled.set(template, parts);
  }
  return parts;
}

function readTemplate(path: string): string {
  return readFileSync(new URL(path, TEMPLATES_DIR), 'utf8');
}

function assertRequiredFields(template: NotificationTemplate, data: Record<string, unknown>): void {
  for (const [field, kind] of Object.entries(TEMPLATE_FIELDS[template])) {
    const problem = fieldProblem(kind, data[field]);
    if (problem !== undefined) {
      throw new NotificationError('INVALID_DATA', `Expected data.${field} for template '${template}' to be ${problem}.`);
    }
  }
}

const EXPECTED: Readonly<Record<TemplateFieldKind, string>> = {
  text: 'a non-empty string',
  date: 'a Date or an ISO 8601 string',
  list: 'a non-empty array of strings',
  amount: 'a non-negative number of đồng',
};

function fieldProblem(kind: TemplateFieldKind, value: unknown): string | undefined {
  const got = `${EXPECTED[kind]}, but got ${describe(value)}`;
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? undefined : got;
    case 'list':
      return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item.trim() !== '') ? undefined : got;
    case 'date':
      return succeeds(() => toInstant(value)) ? undefined : got;
    case 'amount':
      return succeeds(() => toAmount(value)) ? undefined : got;
  }
}

function succeeds(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  return Array.isArray(value) ? `an array of ${value.length}` : `a ${value === null ? 'null' : typeof value}`;
}

// Text typed on a phone or pasted from a PDF often carries combining diacritics (NFD):
// composing them keeps "ồ" one character, so SMS lengths are what the citizen sees.
function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeStrings(item)]));
  }
  return value;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `max` characters, cut at a word where possible, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const atWord = head.replace(/\s+\S*$/, '');
  return `${atWord.length >= head.length / 2 ? atWord : head}…`;
}
