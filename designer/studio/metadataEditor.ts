import { agencyKindChoices, type Agency } from '../modeler/agencyTemplates.js';
import { t } from '../shared/texts.js';
import { h, required } from './dom.js';
import { mountListEditor, type ListEditor } from './listEditor.js';
import { showPathProblems } from './pathProblems.js';
import type { PathProblem, ProcedureComponent, ProcedureMetadata, TimeLimit } from './types.js';

/** The "Thông tin thủ tục" panel: every field of procedure.json a designer may change. */
export interface MetadataEditor {
  set(metadata: ProcedureMetadata): void;
  /** The metadata as edited, on top of what was loaded (code, form id, BPMN file name stay). */
  get(): ProcedureMetadata;
  /** Shows each message next to its field (paths relative to the metadata); returns how many were shown. */
  showProblems(problems: readonly PathProblem[]): number;
}

interface LegalBasis {
  readonly text: string;
}

export function mountMetadataEditor(form: HTMLFormElement, options: { readonly agencies: readonly Agency[]; readonly onChange: () => void }): MetadataEditor {
  let base: ProcedureMetadata | undefined;
  let kinds: string[] = [];
  const inputs = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-meta]')];
  const kindsBox = required(form, '[data-agency-kinds]');
  const legal = legalBasisEditor(form, options.onChange);
  const components = componentsEditor(form, options.onChange);
  const limitUnit = required<HTMLSelectElement>(form, '#meta-limit-unit');
  const showAmount = () => {
    required(form, '[data-limit-amount-field]').hidden = limitUnit.value === 'sameDay';
  };

  form.addEventListener('input', options.onChange);
  form.addEventListener('change', showAmount);
  required(form, '[data-action="add-legal"]').addEventListener('click', () => legal.add({ text: '' }));
  required(form, '[data-action="add-component"]').addEventListener('click', () =>
    components.add({ code: '', name: '', originals: 1, copies: 0, required: true }),
  );

  const renderKinds = () => {
    kindsBox.replaceChildren(...agencyKindBoxes(options.agencies, kinds, (next) => {
      kinds = next;
      options.onChange();
    }));
  };

  return {
    set(metadata) {
      base = metadata;
      for (const input of inputs) input.value = valueText(pointerGet(metadata, input.dataset.meta!));
      kinds = [...metadata.receivingAgencyKinds];
      renderKinds();
      legal.set((metadata.legalBasis ?? []).map((text) => ({ text })));
      components.set(metadata.components);
      showAmount();
    },
    get() {
      if (!base) throw new Error('Expected the metadata to be loaded before it is read');
      const value = (path: string) => inputs.find((input) => input.dataset.meta === path)!.value.trim();
      const resultPlace = value('/resultPlace');
      const legalBasis = legal.items().map((item) => item.text.trim());
      return {
        ...base,
        name: value('/name'),
        field: value('/field'),
        level: value('/level') as ProcedureMetadata['level'],
        nationalCode: value('/nationalCode'),
        limit: limitOf(value('/limit/unit'), value('/limit/amount')),
        limitText: value('/limitText'),
        fee: { amount: numberOrNull(value('/fee/amount')), text: value('/fee/text') },
        onlineLevel: value('/onlineLevel') as ProcedureMetadata['onlineLevel'],
        supplementPolicy: value('/supplementPolicy') as ProcedureMetadata['supplementPolicy'],
        receivingAgencyKinds: [...kinds],
        result: value('/result'),
        resultPlace: resultPlace || undefined,
        legalBasis: legalBasis.length || base.legalBasis ? legalBasis : undefined,
        components: components.items().map(trimComponent),
      };
    },
    showProblems(problems) {
      // Checked again after every pause in typing: an unchanged summary is not announced again.
      const summary = required(form, '[data-meta-summary]');
      const text = problems.length ? t('studio.meta.problems', { count: problems.length }) : '';
      if (summary.textContent !== text) summary.textContent = text;
      return showPathProblems(form, problems, { attribute: 'data-meta-error', other: required(form, '[data-meta-other]') });
    },
  };
}

function legalBasisEditor(form: HTMLFormElement, onChange: () => void): ListEditor<LegalBasis> {
  return mountListEditor<LegalBasis>({
    container: required(form, '[data-legal-bases]'),
    label: (_item, index) => t('studio.meta.legalItem', { number: index + 1 }),
    onChange,
    renderFields: (item, index, update) => {
      const id = `meta-legal-${index}`;
      const input = h('input', { id, value: item.text, 'aria-describedby': `${id}-error` });
      input.addEventListener('input', () => update({ text: input.value }));
      return [
        h('div', { class: 'field' },
          h('label', { for: id }, t('studio.meta.legalItem', { number: index + 1 })),
          input,
          h('span', { class: 'field-error', id: `${id}-error`, 'data-meta-error': `/legalBasis/${index}` })),
      ];
    },
  });
}

function componentsEditor(form: HTMLFormElement, onChange: () => void): ListEditor<ProcedureComponent> {
  const none = required(form, '[data-components-none]');
  return mountListEditor<ProcedureComponent>({
    container: required(form, '[data-components]'),
    label: (_item, index) => t('studio.meta.component', { number: index + 1 }),
    onChange,
    onRender: (count) => {
      none.hidden = count > 0;
    },
    renderFields: (item, index, update) => [
      h('h3', {}, t('studio.meta.component', { number: index + 1 })),
      h('div', { class: 'studio-row' },
        textField(`meta-component-${index}-code`, t('studio.meta.componentCode'), `/components/${index}/code`, item.code, (code) => update({ code })),
        numberField(`meta-component-${index}-originals`, t('studio.meta.originals'), `/components/${index}/originals`, item.originals, (originals) => update({ originals })),
        numberField(`meta-component-${index}-copies`, t('studio.meta.copies'), `/components/${index}/copies`, item.copies, (copies) => update({ copies })),
        checkboxField(`meta-component-${index}-required`, t('studio.meta.required'), item.required, (isRequired) => update({ required: isRequired })),
      ),
      textField(`meta-component-${index}-name`, t('studio.meta.componentName'), `/components/${index}/name`, item.name, (name) => update({ name }), true),
      textField(`meta-component-${index}-note`, t('studio.meta.note'), `/components/${index}/note`, item.note ?? '', (note) => update({ note })),
      h('span', { class: 'field-error', 'data-meta-error': `/components/${index}` }),
    ],
  });
}

function textField(id: string, label: string, path: string, value: string, onInput: (value: string) => void, multiline = false): HTMLElement {
  const input = multiline ? h('textarea', { id, rows: 2, 'aria-describedby': `${id}-error` }) : h('input', { id, 'aria-describedby': `${id}-error` });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('span', { class: 'field-error', id: `${id}-error`, 'data-meta-error': path }));
}

function numberField(id: string, label: string, path: string, value: number, onInput: (value: number) => void): HTMLElement {
  const input = h('input', { id, type: 'number', inputmode: 'numeric', min: 0, step: 1, value, 'aria-describedby': `${id}-error` });
  input.addEventListener('input', () => onInput(input.value === '' ? Number.NaN : Number(input.value)));
  return h('div', { class: 'field studio-narrow' }, h('label', { for: id }, label), input, h('span', { class: 'field-error', id: `${id}-error`, 'data-meta-error': path }));
}

function checkboxField(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const input = h('input', { id, type: 'checkbox', checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h('div', { class: 'studio-check' }, input, h('label', { for: id }, label));
}

/**
 * One checkbox per kind of agency in the tree (and per kind the procedure names that the tree
 * lacks, so nothing is dropped). Ticking appends the kind, so the first ticked stays the default.
 */
function agencyKindBoxes(agencies: readonly Agency[], selected: readonly string[], onChange: (kinds: string[]) => void): HTMLElement[] {
  const choices = agencyKindChoices(agencies);
  const missing = selected.filter((kind) => !choices.some((choice) => choice.value === kind)).map((kind) => ({ name: kind, value: kind }));
  let current = [...selected];
  return [...choices, ...missing].map((choice, index) => {
    const id = `meta-kind-${index}`;
    const input = h('input', { id, type: 'checkbox', value: choice.value, checked: current.includes(choice.value), 'data-agency-kind': choice.value });
    input.addEventListener('change', () => {
      current = input.checked ? [...current.filter((kind) => kind !== choice.value), choice.value] : current.filter((kind) => kind !== choice.value);
      onChange(current);
    });
    return h('div', { class: 'studio-check' }, input, h('label', { for: id }, choice.name, ' ', h('code', {}, choice.value)));
  });
}

function limitOf(unit: string, amount: string): TimeLimit {
  if (unit === 'sameDay') return { unit: 'sameDay' };
  return { unit: unit as 'workingDays', amount: amount === '' ? Number.NaN : Number(amount) };
}

function numberOrNull(text: string): number | null {
  return text === '' ? null : Number(text);
}

function trimComponent(component: ProcedureComponent): ProcedureComponent {
  const note = component.note?.trim();
  return { code: component.code.trim(), name: component.name.trim(), originals: component.originals, copies: component.copies, required: component.required, ...(note ? { note } : {}) };
}

function pointerGet(value: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

function valueText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
