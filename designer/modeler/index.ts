// The browser entry of the procedure designer's BPMN modeler (bundled with esbuild).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import './modeler.css';
import { autoMount } from './autoMount.js';

export { mountModeler, BASE_STEP_TEMPLATES, type ModelerHandle, type MountOptions } from './mountModeler.js';
export { stepTemplates, agencyKindChoices, AGENCY_KIND_LABELS, type Agency, type ElementTemplate } from './agencyTemplates.js';
export { STEP_TEMPLATE_KINDS, type StepTemplateKind } from './stepKinds.js';
export { createTranslate, type ModelerLanguage, type Translate } from './translate.js';
export type { Problem } from './problemMarkers.js';

if (typeof document !== 'undefined') autoMount(document);
