import type { Agency } from '../modeler/agencyTemplates.js';
import { mountModeler, type ModelerHandle } from '../modeler/mountModeler.js';
import { api } from '../shared/http.js';
import { pageData, pageLanguage, t } from '../shared/texts.js';
import { mountDeploy } from './deployPanel.js';
import { clearRun, diagramProcess, elementName, fitDiagram, focusElement, markRun, moveCanvas, onDiagramEdit, processIdFor, startNewDiagram } from './diagram.js';
import { messageOf, required } from './dom.js';
import { mountFormPanel, type FormPanel } from './formPanel.js';
import { mountHistory, type HistoryPanel } from './historyPanel.js';
import { mountMetadataEditor, type MetadataEditor } from './metadataEditor.js';
import { forgetImportedBpmn, importedBpmn } from './newProcedure.js';
import { fromValidation, type DraftProblems } from './problems.js';
import { startVariables } from './scenario.js';
import { studioApi } from './studioApi.js';
import { mountTabs, type Tabs } from './tabs.js';
import { mountTestRun } from './testRunPanel.js';
import { mountToolbar } from './toolbar.js';
import type { ProcedureDetail, ProcedureMetadata } from './types.js';
import { renderProblems } from './validatePanel.js';

/** The server's starting point for the work screen (api/web/studio/studioRoutes.ts: StudioPageData). */
interface StudioPageData {
  readonly code: string;
  readonly version: number | null;
  readonly isNew: boolean;
  readonly name: string;
}

/** Everything mounted on the work screen, as the panels' callbacks reach it. */
interface Studio {
  readonly root: HTMLElement;
  readonly code: string;
  isNew: boolean;
  readonly handle: ModelerHandle;
  readonly agencies: readonly Agency[];
  readonly metadata: MetadataEditor;
  readonly form: FormPanel;
  readonly history: HistoryPanel;
  readonly tabs: Tabs;
  dirty: boolean;
  /** The BPMN as loaded or last deployed, sent as it is while the diagram is not edited. */
  baseXml: string | undefined;
  diagramEdited: boolean;
}

declare global {
  interface Window {
    /** The work screen's modeler, as designer/modeler/autoMount.ts names it. */
    motcuaModeler?: ModelerHandle;
  }
}

/** `/thiet-ke/:code`: loads the procedure, mounts the modeler and every panel, and ties them together. */
export async function mountWorkScreen(root: HTMLElement): Promise<void> {
  const data = pageData<StudioPageData>();
  const error = required(root, '[data-studio-error]');
  try {
    const [agencies, detail] = await Promise.all([
      api<{ agencies: Agency[] }>('GET', '/api/agencies').then((body) => body.agencies),
      data.isNew ? Promise.resolve(undefined) : studioApi.procedure(data.code, data.version),
    ]);
    const studio = await mountStudio(root, data, agencies, detail);
    window.motcuaModeler = studio.handle;
    root.dataset.ready = 'true';
    root.dispatchEvent(new CustomEvent('studio:ready', { bubbles: true }));
  } catch (failure) {
    error.textContent = t('studio.work.loadFailed', { message: messageOf(failure) });
  }
}

async function mountStudio(root: HTMLElement, data: StudioPageData, agencies: readonly Agency[], detail: ProcedureDetail | undefined): Promise<Studio> {
  const container = required(root, '#modeler');
  container.replaceChildren();
  const xml = detail?.bpmn ?? importedBpmn(data.code) ?? '';
  const handle = await mountModeler({ container, propertiesPanel: required(root, '#properties'), xml, agencies, language: pageLanguage() });
  if (!detail && !xml) startNewDiagram(handle, data.code, data.name);
  fitDiagram(handle);

  const metadataStart = detail?.metadata ?? newMetadata(data.code, data.name, agencies);
  // The panels report changes while they mount, before the studio they belong to is complete.
  const mounted: { studio?: Studio } = {};
  const changed = () => {
    if (mounted.studio) markDirty(mounted.studio, true);
  };
  const metadata = mountMetadataEditor(required<HTMLFormElement>(root, 'form[data-metadata]'), { agencies, onChange: () => {
    changed();
    scheduleValidation();
  } });
  metadata.set(metadataStart);
  const form = mountFormPanel(required(root, '#panel-form'), {
    formId: detail?.form?.id ?? metadataStart.submissionForm,
    schema: detail?.form?.schema,
    components: metadataStart.components,
    onChange: changed,
  });
  const history = mountHistory(required(root, '#panel-history'), data.code);
  const tabs = mountTabs(required(root, '[role="tablist"]'), (_name, panel) => {
    moveCanvas(handle, panel.querySelector<HTMLElement>('#modeler') ?? panel.querySelector<HTMLElement>('[data-canvas-host]') ?? container);
  });
  const studio: Studio = { root, code: data.code, isNew: data.isNew, handle, agencies, metadata, form, history, tabs, dirty: data.isNew, baseXml: detail?.bpmn, diagramEdited: false };
  mounted.studio = studio;
  const scheduleValidation = debounce(() => void validate(studio, { quiet: true }), 700);

  showVersion(studio, detail);
  markDirty(studio, data.isNew);
  const diagramChanged = () => {
    studio.diagramEdited = true;
    changed();
  };
  onDiagramEdit(handle, diagramChanged);
  mountToolbar(root, handle, {
    fileName: `${data.code}.bpmn`,
    status: (message) => (required(root, '[data-studio-status]').textContent = message),
    error: (message) => (required(root, '[data-studio-error]').textContent = message),
    imported: () => {
      fitDiagram(handle);
      diagramChanged();
    },
  });
  required(root, '[data-action="validate"]').addEventListener('click', () => void validate(studio, { quiet: false }));
  mountTestRun(required(root, '#panel-testrun'), testRunContext(studio));
  mountDeploy(required(root, '#panel-deploy'), deployContext(studio));
  window.addEventListener('beforeunload', (event) => {
    if (!studio.dirty) return;
    event.preventDefault();
    event.returnValue = t('studio.work.leave');
  });
  return studio;
}

/**
 * The draft as the API takes it: the edited metadata with the process id the diagram has now.
 * For a deployment, parts the designer did not touch go as they were loaded (the BPMN text,
 * no form), so deploying an unchanged procedure is recognised as unchanged.
 */
async function draftOf(studio: Studio, purpose: 'check' | 'deploy'): Promise<{ metadata: ProcedureMetadata; bpmn: string; form: Record<string, unknown> | null }> {
  const bpmn = studio.diagramEdited || studio.baseXml === undefined ? await studio.handle.getXml() : studio.baseXml;
  const edited = studio.metadata.get();
  const sendForm = purpose === 'check' || studio.isNew || studio.form.edited();
  return { metadata: { ...edited, processId: diagramProcess(studio.handle)?.id ?? edited.processId }, bpmn, form: sendForm ? studio.form.schema() : null };
}

async function validate(studio: Studio, options: { quiet: boolean }): Promise<void> {
  const status = required(studio.root, '[data-validate-status]');
  const error = required(studio.root, '[data-validate-error]');
  if (!options.quiet) status.textContent = t('studio.validate.running');
  try {
    const result = await studioApi.validate(await draftOf(studio, 'check'));
    error.textContent = '';
    showProblems(studio, fromValidation(result));
  } catch (failure) {
    error.textContent = t('studio.validate.failed', { message: messageOf(failure) });
  } finally {
    status.textContent = '';
  }
}

/** Problems on the diagram, next to the metadata fields, in the form panel, and listed under "Kiểm tra". */
function showProblems(studio: Studio, problems: DraftProblems): void {
  const placed = problems.elements.filter((p): p is { elementId: string; message: string } => p.elementId !== null);
  studio.handle.showProblems(placed);
  studio.metadata.showProblems(problems.metadata);
  studio.form.showProblems(problems.form);
  renderProblems(required(studio.root, '[data-validate-results]'), problems, {
    elementName: (id) => elementName(studio.handle, id),
    element(id) {
      if (!['process', 'validate', 'testrun'].includes(studio.tabs.current())) studio.tabs.show('process');
      focusElement(studio.handle, id);
    },
    metadata() {
      studio.tabs.show('metadata');
      studio.root.querySelector<HTMLElement>('#panel-metadata [aria-invalid="true"]')?.focus();
    },
    form: () => studio.tabs.show('form'),
  });
}

function testRunContext(studio: Studio) {
  return {
    async draft() {
      return { bpmn: await studio.handle.getXml(), processId: diagramProcess(studio.handle)?.id };
    },
    startVariables() {
      const kinds = studio.metadata.get().receivingAgencyKinds;
      const receiving = kinds.map((kind) => studio.agencies.find((a) => a.kind === kind && a.receivesDossiers)).find((a) => a !== undefined);
      return startVariables(studio.code, receiving?.id ?? studio.agencies.find((a) => a.receivesDossiers)?.id);
    },
    elementName: (id: string) => elementName(studio.handle, id),
    mark: (visited: readonly string[], waiting: readonly string[]) => markRun(studio.handle, visited, waiting),
    clearMarks: () => clearRun(studio.handle),
    modelRejected: (problems: DraftProblems) => showProblems(studio, problems),
  };
}

function deployContext(studio: Studio) {
  return {
    name: () => studio.metadata.get().name || studio.code,
    async deploy(note: string) {
      const draft = await draftOf(studio, 'deploy');
      const result = await studioApi.deploy(studio.code, { ...draft, note });
      studio.baseXml = draft.bpmn;
      return result;
    },
    async deployed() {
      markDirty(studio, false);
      studio.diagramEdited = false;
      studio.form.markDeployed();
      if (studio.isNew) forgetImportedBpmn(studio.code);
      studio.isNew = false;
      const detail = await studioApi.procedure(studio.code);
      showVersion(studio, detail);
      window.history.replaceState(null, '', `/thiet-ke/${encodeURIComponent(studio.code)}`);
    },
    rejected: (problems: DraftProblems) => showProblems(studio, problems),
  };
}

/** The version label, the notice for an older version, and the history list. */
function showVersion(studio: Studio, detail: ProcedureDetail | undefined): void {
  const label = required(studio.root, '[data-version-label]');
  const notice = required(studio.root, '[data-version-notice]');
  label.textContent = detail ? t('studio.work.versionLabel', { version: detail.version }) : t('studio.work.newLabel');
  const latest = Math.max(0, ...(detail?.versions ?? []).map((v) => v.version));
  notice.hidden = !detail || detail.version >= latest;
  if (detail) notice.textContent = t('studio.work.oldVersion', { version: detail.version, latest });
  studio.history.setVersions(detail?.versions ?? []);
}

function markDirty(studio: Studio, dirty: boolean): void {
  studio.dirty = dirty;
  required(studio.root, '[data-dirty-state]').textContent = dirty ? t('studio.work.unsaved') : t('studio.work.saved');
}

/** A new procedure's details before the designer fills them in. */
function newMetadata(code: string, name: string, agencies: readonly Agency[]): ProcedureMetadata {
  const kind = agencies.some((a) => a.kind === 'commune' && a.receivesDossiers) ? 'commune' : agencies.find((a) => a.receivesDossiers)?.kind;
  return {
    code,
    nationalCode: '',
    name,
    field: '',
    level: 'commune',
    receivingAgencyKinds: kind ? [kind] : [],
    limit: { unit: 'workingDays', amount: 1 },
    limitText: '',
    fee: { amount: 0, text: '' },
    onlineLevel: 'mot-phan',
    supplementPolicy: 'extend',
    components: [],
    submissionForm: `${code}/submission`,
    result: '',
    bpmn: 'process.bpmn',
    processId: processIdFor(code),
    legalBasis: [],
  };
}

function debounce(action: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  };
}
