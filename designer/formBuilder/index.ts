// The browser entry of the form builder (bundled as /assets/formBuilder.js and .css).
import './formBuilder.css';
import { autoMount } from './autoMount.js';
import { mountFormBuilder } from './mount.js';

export { mountFormBuilder, type FormBuilderHandle, type FormBuilderOptions } from './mount.js';

if (typeof window !== 'undefined') {
  window.motcuaFormBuilder = { ...window.motcuaFormBuilder, mountFormBuilder };
  autoMount(document);
}
