import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type AutoPlace from 'diagram-js/lib/features/auto-place/AutoPlace';
import type DirectEditing from 'diagram-js-direct-editing/lib/DirectEditing';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element, Parent, Shape } from 'bpmn-js/lib/model/Types';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { ElementTemplate } from './agencyTemplates.js';
import { stepTemplateId, type StepTemplateKind } from './stepKinds.js';

/** The `elementTemplates` service of bpmn-js-element-templates (Camunda 8), as far as the modeler uses it. */
export interface ElementTemplatesService {
  getLatest(templateId: string): ElementTemplate[];
  createElement(template: ElementTemplate): Shape;
}

/** The services `addStep` works with, as `modeler.get` hands them out. */
export interface StepServices {
  get(name: 'elementTemplates'): ElementTemplatesService;
  get(name: 'elementRegistry'): ElementRegistry;
  get(name: 'modeling'): Modeling;
  get(name: 'autoPlace'): AutoPlace;
  get(name: 'canvas'): Canvas;
  get(name: 'directEditing'): DirectEditing;
}

const GAP = 80;

/** A new, not yet placed shape for a step kind: its template applied and the template's name as its name. */
export function createStepShape(elementTemplates: ElementTemplatesService, kind: StepTemplateKind): Shape {
  const templateId = stepTemplateId(kind);
  const [template] = elementTemplates.getLatest(templateId);
  if (!template) {
    throw new Error(`Expected the element template '${templateId}' for the step kind '${kind}' to be loaded, but the modeler has no such template`);
  }
  const shape = elementTemplates.createElement(template);
  shape.businessObject.name = template.name;
  return shape;
}

/**
 * Adds a step to the diagram as one undoable command: connected after the element `after`,
 * or, without it, to the right of the diagram's right-most element. The step is already
 * named, so the label editor that placing a shape opens is closed again.
 */
export function addStepShape(services: StepServices, kind: StepTemplateKind, after?: string): Shape {
  const shape = createStepShape(services.get('elementTemplates'), kind);
  if (after !== undefined) {
    const source = services.get('elementRegistry').get(after) as Element | undefined;
    if (!source || !isShape(source)) throw new Error(`Expected a shape with the id '${after}' to add the step after, but the diagram has none`);
    const appended = services.get('autoPlace').append(source, shape) as Shape;
    services.get('directEditing').cancel();
    return appended;
  }
  const parent = flowParent(services.get('canvas').getRootElement() as Parent);
  return services.get('modeling').createShape(shape, nextFreePosition(parent, shape), parent);
}

/** Steps go into the process, or into the first pool of a collaboration. */
function flowParent(root: Parent): Parent {
  if (!is(root, 'bpmn:Collaboration')) return root;
  const children: Element[] = root.children;
  const participant = children.find((child) => is(child, 'bpmn:Participant'));
  if (!participant || !isShape(participant)) throw new Error('Expected a pool in the collaboration to add the step to, but it has none');
  return participant;
}

function nextFreePosition(parent: Parent, shape: Shape): { x: number; y: number } {
  const children: Element[] = parent.children;
  const siblings = children.filter((child): child is Shape => isShape(child) && !('labelTarget' in child && child.labelTarget));
  const last = siblings.reduce<Shape | undefined>((right, s) => (!right || s.x + s.width > right.x + right.width ? s : right), undefined);
  if (last) return { x: last.x + last.width + GAP + shape.width / 2, y: last.y + last.height / 2 };
  if (isShape(parent)) return { x: parent.x + GAP + shape.width / 2, y: parent.y + parent.height / 2 };
  return { x: 200 + shape.width / 2, y: 200 };
}

function isShape(element: Element): element is Shape {
  return !('waypoints' in element) && typeof (element as Partial<Shape>).width === 'number';
}
