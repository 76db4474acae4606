import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementFactory from 'diagram-js/lib/core/ElementFactory';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type AutoPlace from 'diagram-js/lib/features/auto-place/AutoPlace';
import type DirectEditing from 'diagram-js-direct-editing/lib/DirectEditing';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element, Shape } from 'bpmn-js/lib/model/Types';
import type { ModelerHandle } from '../modeler/mountModeler.js';

/** What the studio reads and marks on the modeler's diagram, beyond the modeler handle. */

const VISITED = 'studio-visited';
const WAITING = 'studio-waiting';

interface BusinessObject {
  readonly id: string;
  readonly name?: string;
  readonly $type: string;
  readonly processRef?: BusinessObject;
}

const registry = (handle: ModelerHandle) => handle.modeler.get<ElementRegistry>('elementRegistry');
const canvas = (handle: ModelerHandle) => handle.modeler.get<Canvas>('canvas');

/** The process the diagram runs: the root process, or the first pool's process. */
export function diagramProcess(handle: ModelerHandle): { id: string; name: string } | undefined {
  const root = canvas(handle).getRootElement().businessObject as BusinessObject;
  if (root.$type === 'bpmn:Process') return { id: root.id, name: root.name ?? '' };
  const pool = registry(handle).filter((element) => element.type === 'bpmn:Participant')[0];
  const process = (pool?.businessObject as BusinessObject | undefined)?.processRef;
  return process ? { id: process.id, name: process.name ?? '' } : undefined;
}

/** The element's name on the diagram, else its id. */
export function elementName(handle: ModelerHandle, id: string): string {
  const element = registry(handle).get(id);
  const name = (element?.businessObject as BusinessObject | undefined)?.name;
  return name?.trim() || id;
}

export function hasElement(handle: ModelerHandle, id: string): boolean {
  return registry(handle).get(id) !== undefined;
}

/** Selects the element and scrolls it into view; false when the diagram has no such element. */
export function focusElement(handle: ModelerHandle, id: string): boolean {
  const element = registry(handle).get(id);
  if (!element || element === canvas(handle).getRootElement()) return false;
  handle.modeler.get<Selection>('selection').select(element);
  canvas(handle).scrollToElement(element);
  return true;
}

/** Marks where a test run went and where it waits, replacing earlier marks. */
export function markRun(handle: ModelerHandle, visited: readonly string[], waiting: readonly string[]): void {
  clearRun(handle);
  for (const id of visited) if (registry(handle).get(id)) canvas(handle).addMarker(id, VISITED);
  for (const id of waiting) if (registry(handle).get(id)) canvas(handle).addMarker(id, WAITING);
}

export function clearRun(handle: ModelerHandle): void {
  for (const element of registry(handle).getAll()) {
    canvas(handle).removeMarker(element.id, VISITED);
    canvas(handle).removeMarker(element.id, WAITING);
  }
}

/** Calls back after every edit of the diagram, undo and redo included. */
export function onDiagramEdit(handle: ModelerHandle, listener: () => void): void {
  handle.modeler.on('commandStack.changed', listener);
}

/** Zooms out so the whole diagram fits the canvas; a small diagram stays at its own size. */
export function fitDiagram(handle: ModelerHandle): void {
  if (canvas(handle).zoom('fit-viewport') > 1) canvas(handle).zoom(1);
}

/** Moves the canvas (with its palette and overlays) into another element of the page. */
export function moveCanvas(handle: ModelerHandle, host: HTMLElement): void {
  const container = handle.modeler.get<Canvas>('canvas').getContainer().parentElement;
  if (container?.parentElement !== host) handle.modeler.attachTo(host);
}

/**
 * A new procedure's diagram: the empty diagram's process renamed after the procedure, then a
 * receive step, a return step and an end event in a row. Starting content, so not undoable.
 */
export function startNewDiagram(handle: ModelerHandle, code: string, name: string): void {
  const modeling = handle.modeler.get<Modeling>('modeling');
  modeling.updateProperties(canvas(handle).getRootElement() as Element, { id: processIdFor(code), name: name || code });
  const receive = handle.addStep('receive', { after: 'submitted' });
  const returned = handle.addStep('return', { after: receive });
  const end = handle.modeler.get<ElementFactory>('elementFactory').createShape({ type: 'bpmn:EndEvent' });
  const placed = handle.modeler.get<AutoPlace>('autoPlace').append(registry(handle).get(returned) as Shape, end) as unknown as Element;
  handle.modeler.get<DirectEditing>('directEditing').cancel();
  modeling.updateLabel(placed, 'Đã trả kết quả');
  handle.modeler.get<CommandStack>('commandStack').clear();
}

/** A process id from a procedure code: XML ids cannot start with a digit. */
export function processIdFor(code: string): string {
  return /^[a-z]/.test(code) ? code : `thu-tuc-${code}`;
}
