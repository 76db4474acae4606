import Modeler from 'bpmn-js/lib/Modeler';
import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import stepKindTemplates from '../templates/step-kinds.json';
import { stepTemplates, type Agency, type ElementTemplate } from './agencyTemplates.js';
import { bindUndoRedo } from './documentKeyboard.js';
import { EMPTY_DIAGRAM } from './emptyDiagram.js';
import { GroupTranslationModule } from './groupTranslation.js';
import { NameFromTemplateModule } from './nameFromTemplate.js';
import { ProblemMarkers, type Problem } from './problemMarkers.js';
import { addStepShape, type StepServices } from './stepElements.js';
import type { StepTemplateKind } from './stepKinds.js';
import { StepPaletteModule } from './stepPalette.js';
import { translateModule, type ModelerLanguage } from './translate.js';

export interface MountOptions {
  /** Where the canvas goes. */
  readonly container: HTMLElement;
  /** Where the properties panel goes. */
  readonly propertiesPanel: HTMLElement;
  /** The procedure's BPMN; empty for a new procedure. */
  readonly xml: string;
  /** The agency tree (`/api/agencies`): its kinds are the choices for a step's responsible unit. */
  readonly agencies: readonly Agency[];
  readonly language: ModelerLanguage;
}

export interface ModelerHandle {
  /** The bpmn-js modeler, for what the handle does not cover. */
  readonly modeler: Modeler;
  /** The diagram as formatted BPMN XML. */
  getXml(): Promise<string>;
  /** Replaces the diagram (an empty string starts a new procedure); resolves to the import warnings. */
  importXml(xml: string): Promise<string[]>;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /**
   * Marks the elements the messages are about (replacing earlier marks); returns the
   * messages about no element on the canvas, for the page to show elsewhere.
   */
  showProblems(problems: readonly Problem[]): Problem[];
  /** Adds a step with its template applied, after the element `after` or at the end; returns its id. */
  addStep(kind: StepTemplateKind, options?: { readonly after?: string }): string;
  /** Removes the modeler and its page-wide keyboard binding. */
  destroy(): void;
}

/** The step templates as shipped, before the agency tree fills in the responsible units. */
export const BASE_STEP_TEMPLATES = stepKindTemplates as unknown as readonly ElementTemplate[];

/**
 * A BPMN modeler for procedure designers: Zeebe (Camunda 8) properties, the step templates
 * with their chooser and palette entries, in Vietnamese or English.
 */
export async function mountModeler(options: MountOptions): Promise<ModelerHandle> {
  options.container.classList.add('motcua-modeler');
  const modeler = new Modeler({
    container: options.container,
    propertiesPanel: { parent: options.propertiesPanel },
    moddleExtensions: { zeebe: zeebeModdle },
    elementTemplates: stepTemplates(BASE_STEP_TEMPLATES, options.agencies),
    additionalModules: [
      ZeebeBehaviorsModule,
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      GroupTranslationModule,
      StepPaletteModule,
      NameFromTemplateModule,
      // Last, so that it replaces the translate service every module above depends on.
      translateModule(options.language),
    ],
  });
  modeler.on('elementTemplates.errors', (event: { errors: unknown[] }) => {
    console.error('The step templates did not load:', event.errors);
  });

  const commandStack = modeler.get<CommandStack>('commandStack');
  const markers = new ProblemMarkers(
    modeler.get<Canvas>('canvas'),
    modeler.get<Overlays>('overlays'),
    modeler.get<ElementRegistry>('elementRegistry'),
    modeler.get<EventBus>('eventBus'),
  );
  const unbindKeyboard = bindUndoRedo(options.container.ownerDocument, commandStack, options.container);
  const services: StepServices = { get: (name: string) => modeler.get(name) } as StepServices;

  const importXml = async (xml: string): Promise<string[]> => {
    const { warnings } = await modeler.importXML(xml.trim() ? xml : EMPTY_DIAGRAM);
    return warnings;
  };

  try {
    await importXml(options.xml);
  } catch (error) {
    unbindKeyboard();
    modeler.destroy();
    throw error;
  }

  return {
    modeler,
    async getXml() {
      const { xml } = await modeler.saveXML({ format: true });
      if (xml === undefined) throw new Error('Expected the modeler to export the diagram as XML, but it returned nothing');
      return xml;
    },
    importXml,
    undo: () => commandStack.undo(),
    redo: () => commandStack.redo(),
    canUndo: () => commandStack.canUndo(),
    canRedo: () => commandStack.canRedo(),
    showProblems: (problems) => markers.show(problems),
    addStep: (kind, stepOptions = {}) => addStepShape(services, kind, stepOptions.after).id,
    destroy() {
      unbindKeyboard();
      modeler.destroy();
    },
  };
}
