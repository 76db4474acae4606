import { createElement as h } from 'react';
import { formatDate } from '../../shared/format.js';
import { pageLanguage, t } from '../../shared/texts.js';
import { formatSize } from '../uploadFile.js';
import { describeData, type ReviewLine } from './describeData.js';
import type { Schema } from './inlineRefs.js';
import type { ChosenFile, Component } from './SubmissionData.js';

interface ReviewProps {
  readonly applicantSchema: Schema;
  readonly formSchema: Schema;
  readonly applicant: unknown;
  readonly formData: unknown;
  readonly agencyName: string;
  readonly components: readonly Component[];
  readonly files: readonly ChosenFile[];
}

const WORDS = { yes: '', no: '', date: (iso: string) => formatDate(iso) };

/** Everything that will be sent, as the applicant will read it on the receipt, before it is sent. */
export function Review({ applicantSchema, formSchema, applicant, formData, agencyName, components, files }: ReviewProps) {
  const words = { ...WORDS, yes: t('citizen.review.yes'), no: t('citizen.review.no') };
  const missing = components.filter((c) => c.required && !files.some((f) => f.component === c.code));
  return h(
    'div',
    { className: 'review' },
    h('section', { className: 'card', 'aria-labelledby': 'review-applicant' },
      h('h3', { id: 'review-applicant' }, t('citizen.submit.applicantTitle')),
      lines(describeData(applicantSchema, applicant, words))),
    h('section', { className: 'card', 'aria-labelledby': 'review-form' },
      h('h3', { id: 'review-form' }, String(formSchema.title ?? t('citizen.submit.formTitle'))),
      lines(describeData(formSchema, formData, words))),
    h('section', { className: 'card', 'aria-labelledby': 'review-agency' },
      h('h3', { id: 'review-agency' }, t('citizen.submit.agencyTitle')),
      h('p', null, agencyName)),
    h('section', { className: 'card', 'aria-labelledby': 'review-files' },
      h('h3', { id: 'review-files' }, t('citizen.uploads.title')),
      files.length
        ? h('ul', null, ...files.map((f) => h('li', { key: f.key }, `${components.find((c) => c.code === f.component)?.name ?? f.component}: ${f.file.name} (${formatSize(f.file.size, pageLanguage())})`)))
        : h('p', { className: 'muted' }, t('citizen.review.noFiles')),
      missing.length
        ? h('div', { className: 'notice' }, h('p', null, t('citizen.review.missingRequired')), h('ul', null, ...missing.map((c) => h('li', { key: c.code }, c.name))))
        : null),
  );
}

function lines(review: readonly ReviewLine[]) {
  return h('dl', { className: 'facts review-lines' }, ...review.map((line, index) =>
    line.value === undefined
      ? h('dt', { key: index, className: `section depth-${line.depth}` }, line.label)
      : [h('dt', { key: `${index}t`, className: `depth-${line.depth}` }, line.label), h('dd', { key: `${index}d` }, line.value)],
  ).flat());
}
