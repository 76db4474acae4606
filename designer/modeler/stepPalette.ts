import type Palette from 'diagram-js/lib/features/palette/Palette';
import type Create from 'diagram-js/lib/features/create/Create';
import type { PaletteEntries } from 'diagram-js/lib/features/palette/PaletteProvider';
import { createStepShape, type ElementTemplatesService } from './stepElements.js';
import { STEP_TEMPLATE_KINDS, type StepTemplateKind } from './stepKinds.js';
import type { Translate } from './translate.js';

/** Short Vietnamese marks drawn on the palette entries. */
const MARKS: Readonly<Record<StepTemplateKind, string>> = {
  receive: 'TN',
  process: 'TĐ',
  approve: 'PD',
  transfer: 'LT',
  supplement: 'BS',
  payment: 'TP',
  return: 'TKQ',
};

function titles(translate: Translate): Record<StepTemplateKind, string> {
  return {
    receive: translate('Create a reception step'),
    process: translate('Create an appraisal step'),
    approve: translate('Create an approval / signing step'),
    transfer: translate('Create an inter-agency transfer step'),
    supplement: translate('Create a wait for supplementary papers'),
    payment: translate('Create a fee collection step'),
    return: translate('Create a result return step'),
  };
}

/**
 * A palette group with one entry per step kind: click or drag to place a step with its
 * template already applied. The template is looked up when the entry is used, so the
 * entries do not wait for the templates to load.
 */
export class StepPaletteProvider {
  static readonly $inject = ['palette', 'create', 'elementTemplates', 'translate'];

  constructor(
    palette: Palette,
    private readonly create: Create,
    private readonly elementTemplates: ElementTemplatesService,
    private readonly translate: Translate,
  ) {
    palette.registerProvider(this);
  }

  getPaletteEntries(): PaletteEntries {
    const title = titles(this.translate);
    const entries: PaletteEntries = {
      'motcua-steps-separator': { group: 'motcua-steps', separator: true, action: {} },
    };
    for (const kind of STEP_TEMPLATE_KINDS) {
      const start = (event: Event) => this.create.start(event, createStepShape(this.elementTemplates, kind));
      entries[`create.motcua-step-${kind}`] = {
        group: 'motcua-steps',
        className: `motcua-palette-step motcua-palette-step-${kind}`,
        title: title[kind],
        imageUrl: markImage(kind),
        action: { dragstart: start, click: start },
      };
    }
    return entries;
  }
}

/** A task outline (a double circle for the wait) with the kind's mark, as an SVG data URL. */
function markImage(kind: StepTemplateKind): string {
  const shape =
    kind === 'supplement'
      ? '<circle cx="18" cy="18" r="16" fill="#fff" stroke="#22242a" stroke-width="1.5"/><circle cx="18" cy="18" r="13" fill="none" stroke="#22242a" stroke-width="1.5"/>'
      : '<rect x="2" y="5" width="32" height="26" rx="4" fill="#fff" stroke="#22242a" stroke-width="2"/>';
  const size = MARKS[kind].length > 2 ? 9 : 11;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 36 36">${shape}` +
    `<text x="18" y="22" font-family="Arial, sans-serif" font-size="${size}" font-weight="bold" text-anchor="middle" fill="#22242a">${MARKS[kind]}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export const StepPaletteModule = {
  __init__: ['motcuaStepPalette'],
  motcuaStepPalette: ['type', StepPaletteProvider],
};
