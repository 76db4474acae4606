// The browser entry of the procedure designer's pages (/thiet-ke, /thiet-ke/:code), bundled with esbuild.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import '../modeler/modeler.css';
import '../formBuilder/formBuilder.css';
import './studio.css';
import { mountListPage } from './listPage.js';
import { mountWorkScreen } from './workScreen.js';

export { mountListPage } from './listPage.js';
export { mountWorkScreen } from './workScreen.js';

const list = document.querySelector<HTMLElement>('[data-studio-list]');
if (list) mountListPage(list);
const studio = document.querySelector<HTMLElement>('[data-studio]');
if (studio) void mountWorkScreen(studio);
