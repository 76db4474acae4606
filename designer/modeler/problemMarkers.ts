import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';

/** A validation message about one element of the model (engine/model reports them by element id). */
export interface Problem {
  readonly elementId: string;
  readonly message: string;
}

/** The CSS class on a marked element and on its overlay (modeler.css). */
export const PROBLEM_MARKER = 'motcua-problem';
const OVERLAY_TYPE = 'motcua-problem';

/**
 * Marks the elements that validation messages are about: a CSS class on the element and an
 * overlay under it listing the messages. Showing a new list replaces the previous marks.
 */
export class ProblemMarkers {
  private marked: string[] = [];

  constructor(
    private readonly canvas: Canvas,
    private readonly overlays: Overlays,
    private readonly elementRegistry: ElementRegistry,
    eventBus: EventBus,
  ) {
    // Importing another diagram drops every element, with its markers and overlays.
    eventBus.on('diagram.clear', () => {
      this.marked = [];
    });
  }

  /** Marks the problems' elements; returns the problems about no element on the canvas (e.g. the process itself). */
  show(problems: readonly Problem[]): Problem[] {
    this.clear();
    const root = this.canvas.getRootElement();
    const unplaced: Problem[] = [];
    for (const [elementId, messages] of groupByElement(problems)) {
      const element = this.elementRegistry.get(elementId);
      if (!element || element === root) {
        unplaced.push(...messages.map((message) => ({ elementId, message })));
        continue;
      }
      this.canvas.addMarker(elementId, PROBLEM_MARKER);
      this.overlays.add(elementId, OVERLAY_TYPE, { position: { bottom: -6, left: 0 }, html: overlayHtml(messages) });
      this.marked.push(elementId);
    }
    return unplaced;
  }

  clear(): void {
    for (const elementId of this.marked) {
      if (this.elementRegistry.get(elementId)) this.canvas.removeMarker(elementId, PROBLEM_MARKER);
    }
    this.overlays.remove({ type: OVERLAY_TYPE });
    this.marked = [];
  }
}

function groupByElement(problems: readonly Problem[]): Map<string, string[]> {
  const byElement = new Map<string, string[]>();
  for (const { elementId, message } of problems) {
    byElement.set(elementId, [...(byElement.get(elementId) ?? []), message]);
  }
  return byElement;
}

/** Messages are shown as text, never as markup. */
function overlayHtml(messages: readonly string[]): HTMLElement {
  const box = document.createElement('div');
  box.className = `${PROBLEM_MARKER}-overlay`;
  box.setAttribute('role', 'alert');
  const list = document.createElement('ul');
  for (const message of messages) {
    const item = document.createElement('li');
    item.textContent = message;
    list.append(item);
  }
  box.append(list);
  return box;
}
