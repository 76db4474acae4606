import { createElement as h, useState, type ChangeEvent } from 'react';
import { pageLanguage, t } from '../../shared/texts.js';
import { formatSize, typeNames } from '../uploadFile.js';
import type { ChosenFile, Component, UploadLimits } from './SubmissionData.js';

interface UploadsProps {
  readonly components: readonly Component[];
  readonly limits: UploadLimits;
  readonly files: readonly ChosenFile[];
  readonly onAdd: (files: readonly ChosenFile[]) => void;
  readonly onRemove: (key: string) => void;
}

let nextKey = 0;

/**
 * The papers of the dossier, one row per component: required ones marked, the size and
 * type limits said before choosing, a file refused at once with the reason beside it.
 */
export function Uploads({ components, limits, files, onAdd, onRemove }: UploadsProps) {
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const choose = (component: string, chosen: readonly File[]) => {
    const refused = chosen.map((file) => problemWith(file, limits)).filter((problem): problem is string => problem !== undefined);
    setProblems((current) => ({ ...current, [component]: refused }));
    onAdd(chosen.filter((file) => problemWith(file, limits) === undefined).map((file) => ({ key: `f${nextKey++}`, component, file })));
  };
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'uploads-title' },
    h('h2', { id: 'uploads-title' }, t('citizen.uploads.title')),
    h('p', { className: 'muted', id: 'uploads-limits' }, t('citizen.uploads.limits', { types: typeNames(limits.types), size: formatSize(limits.maxBytes, pageLanguage()) })),
    h('ul', { className: 'components' }, ...components.map((component) =>
      h(ComponentRow, {
        key: component.code,
        component,
        limits,
        files: files.filter((file) => file.component === component.code),
        problems: problems[component.code] ?? [],
        onChoose: (chosen: readonly File[]) => choose(component.code, chosen),
        onRemove,
      }),
    )),
  );
}

interface RowProps {
  readonly component: Component;
  readonly limits: UploadLimits;
  readonly files: readonly ChosenFile[];
  readonly problems: readonly string[];
  readonly onChoose: (files: readonly File[]) => void;
  readonly onRemove: (key: string) => void;
}

function ComponentRow({ component, limits, files, problems, onChoose, onRemove }: RowProps) {
  const inputId = `file-${component.code}`;
  const language = pageLanguage();
  return h(
    'li',
    { className: 'component', 'data-component': component.code },
    h('label', { htmlFor: inputId }, component.name, ' ', h('span', { className: component.required ? 'badge required' : 'badge' }, t(component.required ? 'citizen.uploads.required' : 'citizen.uploads.optional'))),
    component.note ? h('p', { className: 'muted' }, component.note) : null,
    h('input', {
      id: inputId,
      type: 'file',
      multiple: true,
      accept: limits.types.join(','),
      'aria-describedby': `uploads-limits ${inputId}-problems`,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        onChoose([...(event.target.files ?? [])]);
        event.target.value = '';
      },
    }),
    h('div', { id: `${inputId}-problems`, role: 'alert', className: 'field-error' }, ...problems.map((problem, index) => h('p', { key: index }, problem))),
    files.length
      ? h('ul', { className: 'chosen' }, ...files.map((chosen) =>
          h('li', { key: chosen.key },
            h('span', null, `${chosen.file.name} (${formatSize(chosen.file.size, language)})`),
            h('button', { type: 'button', className: 'secondary', onClick: () => onRemove(chosen.key), 'aria-label': t('citizen.uploads.removeNamed', { name: chosen.file.name }) }, t('citizen.uploads.remove')),
          )))
      : null,
  );
}

/** Why a file cannot be sent, said before it is sent; undefined when it can. */
export function problemWith(file: File, limits: UploadLimits): string | undefined {
  const language = pageLanguage();
  if (!limits.types.includes(file.type)) return t('citizen.uploads.wrongType', { name: file.name, types: typeNames(limits.types) });
  if (file.size > limits.maxBytes) return t('citizen.uploads.tooLarge', { name: file.name, size: formatSize(file.size, language), max: formatSize(limits.maxBytes, language) });
  if (file.size === 0) return t('citizen.uploads.empty', { name: file.name });
  return undefined;
}
