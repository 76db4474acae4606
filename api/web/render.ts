import { readdir, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { formatDate, formatDateTime, formatMoney } from '../documents/formatters.js';
import { textsWithPrefixes, translate, type Language } from './i18n.js';

const TEMPLATE_DIRECTORY = fileURLToPath(new URL('./templates/', import.meta.url));

/**
 * A page template's name: its path below `templates/` without `.hbs`
 * (`catalogue`, `officer/inbox`). Files under `templates/partials/` are partials,
 * used as `{{> officer-badges}}` by their path with `/` turned into `-`.
 */
export type Page = string;

/** Who is signed in, as the page header shows it. */
export interface PageUser {
  readonly username: string;
  readonly fullName: string;
  readonly kind: string;
  readonly csrfToken: string;
}

/** What every page gets besides its own data. */
export interface PageFrame {
  readonly language: Language;
  readonly title: string;
  /** The current path, for the language switch to come back to. */
  readonly path: string;
  /** Bundles of `designer/` the page loads (`/assets/<name>.js`, and `.css` when `styles`). */
  readonly scripts?: readonly string[];
  readonly styles?: readonly string[];
  /** The signed-in user, for the header and the CSRF token scripts send. */
  readonly user?: PageUser;
  /** Prefixes of the texts the page's scripts read in the browser (`officer.`, `common.`). */
  readonly clientTexts?: readonly string[];
  /** Data for the page's scripts, written into the page as JSON. */
  readonly pageData?: unknown;
  /** A wider main column, for work screens (the designer, the inbox). */
  readonly wide?: boolean;
}

let loading: Promise<Map<Page, Handlebars.TemplateDelegate>> | undefined;

/** A whole HTML page: the layout around one page template, in the frame's language. */
export async function renderPage(page: Page, frame: PageFrame, data: Record<string, unknown>): Promise<string> {
  loading ??= loadTemplates().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  const template = (await loading).get(page);
  if (!template) throw new Error(`No page template «${page}»`);
  const texts = frame.clientTexts?.length ? textsWithPrefixes(frame.language, frame.clientTexts) : undefined;
  return template({ ...data, frame: { ...frame, texts }, lang: frame.language });
}

/** JSON safe inside `<script type="application/json">`: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

async function templateFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.hbs')).map((e) => `${e.parentPath}/${e.name}`);
}

async function loadTemplates(): Promise<Map<Page, Handlebars.TemplateDelegate>> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const root = options.data.root as { lang: Language };
    return translate(root.lang, key, options.hash as Record<string, unknown>);
  });
  handlebars.registerHelper('date', (value: unknown) => (value ? formatDate(new Date(value as string)) : ''));
  handlebars.registerHelper('dateTime', (value: unknown) => (value ? formatDateTime(new Date(value as string)) : ''));
  handlebars.registerHelper('money', (value: unknown) => (typeof value === 'number' ? formatMoney(value) : ''));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('json', (value: unknown) => new handlebars.SafeString(scriptJson(value)));
  const pages = new Map<Page, Handlebars.TemplateDelegate>();
  for (const file of await templateFiles(TEMPLATE_DIRECTORY)) {
    const name = relative(TEMPLATE_DIRECTORY, file).replace(/\\/g, '/').replace(/\.hbs$/, '');
    const template = handlebars.compile(await readFile(file, 'utf8'));
    if (name === 'layout') handlebars.registerPartial('layout', template);
    else if (name.startsWith('partials/')) handlebars.registerPartial(name.slice('partials/'.length).replace(/\//g, '-'), template);
    else pages.set(name, template);
  }
  return pages;
}
