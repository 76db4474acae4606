import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { formatDate, formatDateTime } from '../documents/formatters.js';
import { translate, type Language } from './i18n.js';

const TEMPLATE_DIRECTORY = new URL('./templates/', import.meta.url);
const PAGES = ['catalogue', 'procedure', 'notFound'] as const;
export type Page = (typeof PAGES)[number];

/** What every page gets besides its own data. */
export interface PageFrame {
  readonly language: Language;
  readonly title: string;
  /** The current path, for the language switch to come back to. */
  readonly path: string;
  /** Bundles of `designer/` the page loads (`/assets/<name>.js`, and `.css` when `styles`). */
  readonly scripts?: readonly string[];
  readonly styles?: readonly string[];
}

let loading: Promise<Record<Page, Handlebars.TemplateDelegate>> | undefined;

/** A whole HTML page: the layout around one page template, in the frame's language. */
export async function renderPage(page: Page, frame: PageFrame, data: Record<string, unknown>): Promise<string> {
  loading ??= loadTemplates().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return (await loading)[page]({ ...data, frame, lang: frame.language });
}

async function loadTemplates(): Promise<Record<Page, Handlebars.TemplateDelegate>> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const root = options.data.root as { lang: Language };
    return translate(root.lang, key, options.hash as Record<string, unknown>);
  });
  handlebars.registerHelper('date', (value: unknown) => (value ? formatDate(new Date(value as string)) : ''));
  handlebars.registerHelper('dateTime', (value: unknown) => (value ? formatDateTime(new Date(value as string)) : ''));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerPartial('layout', handlebars.compile(await readFile(new URL('layout.hbs', TEMPLATE_DIRECTORY), 'utf8')));
  const entries = await Promise.all(
    PAGES.map(async (page) => [page, handlebars.compile(await readFile(new URL(`${page}.hbs`, TEMPLATE_DIRECTORY), 'utf8'))] as const),
  );
  return Object.fromEntries(entries) as Record<Page, Handlebars.TemplateDelegate>;
}
