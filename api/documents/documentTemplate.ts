import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { DOCUMENT_FORM_SPECS, type DocumentForm } from './DocumentForm.js';
import { registerDocumentHelpers } from './registerDocumentHelpers.js';

type Templates = Readonly<Record<DocumentForm, Handlebars.TemplateDelegate>>;

const TEMPLATE_DIRECTORY = new URL('./templates/', import.meta.url);

/** Shared pieces; `layout` wraps every form as a partial block. */
const PARTIALS = ['layout', 'header', 'applicant', 'components', 'dossierDetails', 'signature'] as const;

let loading: Promise<Templates> | undefined;

/** The compiled template of a form; the files are read and compiled once per process. */
export async function documentTemplate(form: DocumentForm): Promise<Handlebars.TemplateDelegate> {
  loading ??= loadTemplates().catch((error: unknown) => {
    // A failed read must not poison the cache: the next render tries again.
    loading = undefined;
    throw error;
  });
  return (await loading)[form];
}

async function loadTemplates(): Promise<Templates> {
  // An isolated environment keeps these helpers and partials out of any other Handlebars user.
  const handlebars = Handlebars.create();
  registerDocumentHelpers(handlebars);
  const partials = await Promise.all(PARTIALS.map(async (name) => [name, await readTemplate(name)] as const));
  for (const [name, source] of partials) handlebars.registerPartial(name, handlebars.compile(source));
  const forms = Object.keys(DOCUMENT_FORM_SPECS) as DocumentForm[];
  const sources = await Promise.all(forms.map((form) => readTemplate(`form${form}`)));
  return Object.fromEntries(forms.map((form, index) => [form, handlebars.compile(sources[index])])) as Record<
    DocumentForm,
    Handlebars.TemplateDelegate
  >;
}

function readTemplate(name: string): Promise<string> {
  return readFile(new URL(`${name}.hbs`, TEMPLATE_DIRECTORY), 'utf8');
}
