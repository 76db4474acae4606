import type { Translate } from './translate.js';

/** A properties panel group as the providers build it. */
interface PanelGroup {
  readonly id: string;
  readonly translate?: Translate;
  readonly [other: string]: unknown;
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: unknown): (groups: PanelGroup[]) => PanelGroup[] }): void;
}

/** After every other provider, so that it sees all groups. */
const LAST = 1;

/**
 * Hands the `translate` service to every properties panel group. The groups' own buttons and
 * hints ("Create", "Toggle section", "Section contains edits", a list's items) fall back
 * to English unless the provider that built the group passed it, which most do not.
 */
export class GroupTranslationProvider {
  static readonly $inject = ['propertiesPanel', 'translate'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly translate: Translate,
  ) {
    propertiesPanel.registerProvider(LAST, this);
  }

  getGroups(): (groups: PanelGroup[]) => PanelGroup[] {
    return (groups) => groups.map((group) => (group.translate ? group : { ...group, translate: this.translate }));
  }
}

export const GroupTranslationModule = {
  __init__: ['motcuaGroupTranslation'],
  motcuaGroupTranslation: ['type', GroupTranslationProvider],
};
