import { t } from '../shared/texts.js';
import { h } from './dom.js';
import { metadataLabel } from './metadataLabels.js';
import type { AttributeChange, VersionDiff } from './types.js';

/** The differences between two versions as readable lists: details, diagram elements, form fields. */
export function diffView(diff: VersionDiff): HTMLElement[] {
  const title = h('h3', {}, t('studio.diff.title', { from: diff.from, to: diff.to }));
  const { elements, form } = diff;
  const sections = [
    section(t('studio.diff.metadata'), 'metadata', diff.metadata.map((change) =>
      h('li', {}, t('studio.diff.change', { attribute: metadataLabel(change.path), before: shown(change.before), after: shown(change.after) })))),
    section(t('studio.diff.elements'), 'elements', [
      ...elements.added.map((e) => h('li', { 'data-diff-added': e.id }, t('studio.diff.added', { name: e.name || e.id }), ' ', h('span', { class: 'muted' }, typeName(e.type)))),
      ...elements.removed.map((e) => h('li', { 'data-diff-removed': e.id }, t('studio.diff.removed', { name: e.name || e.id }), ' ', h('span', { class: 'muted' }, typeName(e.type)))),
      ...elements.changed.map((e) => h('li', { 'data-diff-changed': e.id }, t('studio.diff.changed', { name: e.name || e.id }), changeList(e.changes))),
    ]),
    section(t('studio.diff.form'), 'form', [
      ...form.added.map((f) => h('li', {}, t('studio.diff.added', { name: f.title || f.path }))),
      ...form.removed.map((f) => h('li', {}, t('studio.diff.removed', { name: f.title || f.path }))),
      ...form.changed.map((f) => h('li', {}, t('studio.diff.changed', { name: f.title || f.path }), changeList(f.changes))),
    ]),
  ].filter((s): s is HTMLElement => s !== undefined);
  return [title, ...(sections.length ? sections : [h('p', { class: 'muted' }, t('studio.diff.same'))])];
}

function section(title: string, name: string, items: readonly HTMLElement[]): HTMLElement | undefined {
  if (items.length === 0) return undefined;
  return h('section', { class: 'studio-diff-section', 'data-diff-section': name }, h('h4', {}, title), h('ul', {}, ...items));
}

function changeList(changes: readonly AttributeChange[]): HTMLElement {
  return h('ul', {}, ...changes.map((change) =>
    h('li', {}, t('studio.diff.change', { attribute: attributeName(change.attribute), before: shown(change.before), after: shown(change.after) }))));
}

function attributeName(attribute: string): string {
  const key = `studio.diff.attr.${attribute}`;
  const text = t(key);
  return text === key ? attribute : text;
}

/** `bpmn:UserTask` → `UserTask`: the type without its namespace. */
function typeName(type: string): string {
  return `(${type.replace(/^\w+:/, '')})`;
}

/** A value as a short text; nothing shows as "(trống)". */
export function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return t('studio.diff.empty');
  if (Array.isArray(value)) return value.length ? value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') : t('studio.diff.empty');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}
