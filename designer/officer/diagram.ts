import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api } from '../shared/http.js';
import { t } from '../shared/texts.js';

/** Marker classes on the diagram: the step(s) the dossier is at, and what it has passed. */
export const ACTIVE_MARKER = 'officer-active';
export const COMPLETED_MARKER = 'officer-completed';

interface Diagram {
  readonly xml: string;
  readonly active: readonly string[];
  readonly completed: readonly string[];
}

interface Canvas {
  addMarker(element: string, marker: string): void;
  zoom(level: 'fit-viewport'): void;
}

interface Registry {
  get(id: string): unknown;
}

/** Draws the dossier's process read-only (pan and zoom only) with its current and passed elements marked. */
export async function mountDiagram(container: HTMLElement): Promise<void> {
  const status = container.parentElement?.querySelector<HTMLElement>('[data-diagram-status]');
  try {
    const diagram = await api<Diagram>('GET', container.dataset.diagramUrl ?? '');
    const viewer = new NavigatedViewer({ container });
    await viewer.importXML(diagram.xml);
    const canvas = viewer.get<Canvas>('canvas');
    const elements = viewer.get<Registry>('elementRegistry');
    const mark = (ids: readonly string[], marker: string) => ids.filter((id) => elements.get(id)).forEach((id) => canvas.addMarker(id, marker));
    mark(diagram.completed.filter((id) => !diagram.active.includes(id)), COMPLETED_MARKER);
    mark(diagram.active, ACTIVE_MARKER);
    canvas.zoom('fit-viewport');
    container.dataset.ready = 'true';
    if (status) status.textContent = t('officer.diagram.hint');
  } catch (error) {
    if (status) {
      status.setAttribute('role', 'alert');
      status.textContent = t('officer.diagram.failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
