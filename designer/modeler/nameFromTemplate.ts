import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Modeling from 'bpmn-js/lib/features/modeling/Modeling';
import type { Element } from 'bpmn-js/lib/model/Types';
import type { ElementTemplate } from './agencyTemplates.js';

interface ChangeTemplateContext {
  readonly element: Element;
  readonly newTemplate?: ElementTemplate;
}

/**
 * An unnamed element that gets a step template is named after the template ("Tiếp nhận hồ
 * sơ"), in the same undo step; a name the designer already gave stays.
 */
export class NameFromTemplateBehavior extends CommandInterceptor {
  static override readonly $inject = ['eventBus', 'modeling'];

  constructor(eventBus: EventBus, modeling: Modeling) {
    super(eventBus);
    this.postExecuted('propertiesPanel.zeebe.changeTemplate', (event: { context: ChangeTemplateContext }) => {
      const { element, newTemplate } = event.context;
      if (newTemplate && !element.businessObject.name) modeling.updateProperties(element, { name: newTemplate.name });
    });
  }
}

export const NameFromTemplateModule = {
  __init__: ['motcuaNameFromTemplate'],
  motcuaNameFromTemplate: ['type', NameFromTemplateBehavior],
};
