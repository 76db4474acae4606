import type { ModelerHandle } from '../modeler/mountModeler.js';
import { t } from '../shared/texts.js';
import { readBpmnFile } from './bpmnFile.js';
import { onDiagramEdit } from './diagram.js';
import { download, messageOf, required } from './dom.js';

/** Where the toolbar reports what it did. */
export interface ToolbarContext {
  readonly fileName: string;
  status(message: string): void;
  error(message: string): void;
  /** A diagram was imported from a file and replaced the one being edited. */
  imported(): void;
}

/** Undo, redo, importing a .bpmn file into the modeler and exporting the diagram as one. */
export function mountToolbar(root: HTMLElement, handle: ModelerHandle, context: ToolbarContext): void {
  const undo = required<HTMLButtonElement>(root, '[data-action="undo"]');
  const redo = required<HTMLButtonElement>(root, '[data-action="redo"]');
  const file = required<HTMLInputElement>(root, '[data-import-file]');
  const refresh = () => {
    undo.disabled = !handle.canUndo();
    redo.disabled = !handle.canRedo();
  };
  onDiagramEdit(handle, refresh);
  refresh();
  undo.addEventListener('click', () => handle.undo());
  redo.addEventListener('click', () => handle.redo());

  required(root, '[data-action="import"]').addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (chosen) void importFile(chosen, handle, context).then(refresh);
  });
  required(root, '[data-action="export"]').addEventListener('click', () => {
    handle.getXml().then(
      (xml) => download(context.fileName, xml),
      (error: unknown) => context.error(messageOf(error)),
    );
  });
}

async function importFile(file: File, handle: ModelerHandle, context: ToolbarContext): Promise<void> {
  try {
    const xml = await readBpmnFile(file);
    await handle.importXml(xml);
    context.error('');
    context.status(t('studio.toolbar.imported', { file: file.name }));
    context.imported();
  } catch (error) {
    context.status('');
    context.error(t('studio.toolbar.importFailed', { file: file.name, message: messageOf(error) }));
  }
}
