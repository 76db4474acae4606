// Types for the modeler packages that ship none; only what designer/modeler uses.

declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';

  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
}

declare module 'bpmn-js-element-templates' {
  import type { ModuleDeclaration } from 'didi';

  export const CloudElementTemplatesPropertiesProviderModule: ModuleDeclaration;
}

declare module '@bpmn-io/element-template-chooser' {
  import type { ModuleDeclaration } from 'didi';

  const ElementTemplateChooserModule: ModuleDeclaration;
  export default ElementTemplateChooserModule;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  import type { ModuleDeclaration } from 'didi';

  const ZeebeBehaviorsModule: ModuleDeclaration;
  export default ZeebeBehaviorsModule;
}
