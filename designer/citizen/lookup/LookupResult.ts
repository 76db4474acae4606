import { createElement as h, useEffect, useRef } from 'react';
import { formatDate, formatDateTime } from '../../shared/format.js';
import { pageLanguage, t } from '../../shared/texts.js';
import { printFormElement } from '../printForm.js';
import type { Proof } from '../proof.js';
import type { PublicView } from '../PublicView.js';
import type { UploadLimits } from '../submission/SubmissionData.js';
import { RatingForm } from './RatingForm.js';
import { SupplementForm } from './SupplementForm.js';
import { WithdrawForm } from './WithdrawForm.js';

interface LookupResultProps {
  readonly view: PublicView;
  readonly due: { readonly at: string; readonly expected: boolean } | undefined;
  readonly proof: Proof;
  readonly limits: UploadLimits;
  /** What just happened, said once above the dossier (after a supplement, a withdrawal, a rating). */
  readonly done: string;
  readonly onChanged: (done: string) => void;
  readonly onForget: () => void;
}

/** One dossier as its applicant sees it: where it stands in plain words, what was done, and what they may do now. */
export function LookupResult({ view, due, proof, limits, done, onChanged, onForget }: LookupResultProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [view]);
  return h(
    'div',
    { className: 'lookup-result', 'data-dossier': view.code },
    h('h2', { ref: heading, tabIndex: -1 }, t('citizen.result.title', { code: view.code })),
    done ? h('p', { className: 'notice success', role: 'status' }, done) : null,
    h(StatusCard, { view, due }),
    view.supplement ? h(SupplementForm, { view, proof, limits, onDone: () => onChanged(t('citizen.supplement.done')) }) : null,
    view.refusalReason ? h('section', { className: 'card' }, h('h3', null, t('citizen.result.refusalReason')), h('p', null, view.refusalReason)) : null,
    h(Timeline, { view }),
    h(Documents, { view, proof }),
    view.canRate ? h(RatingForm, { proof, onDone: () => onChanged(t('citizen.rating.done')) }) : null,
    view.canWithdraw ? h(WithdrawForm, { proof, onDone: () => onChanged(t('citizen.withdraw.done')) }) : null,
    h('p', { className: 'actions' }, h('button', { type: 'button', className: 'secondary', onClick: onForget }, t('citizen.result.another'))),
  );
}

function StatusCard({ view, due }: { readonly view: PublicView; readonly due: LookupResultProps['due'] }) {
  const fact = (label: string, value: string, name: string) => [h('dt', { key: `${name}t` }, label), h('dd', { key: `${name}d`, 'data-fact': name }, value)];
  return h(
    'section',
    { className: 'card status-card', 'aria-labelledby': 'status-title' },
    h('h3', { id: 'status-title' }, t('citizen.result.status')),
    h('p', { className: `status status-${view.status}`, 'data-status': view.status }, t(`citizen.status.${view.status}`)),
    h('p', null, t(`citizen.statusHelp.${view.status}`)),
    h('dl', { className: 'facts' },
      ...fact(t('citizen.facts.procedure'), view.procedure.name, 'procedure'),
      ...(view.receivingAgency ? fact(t('citizen.facts.agency'), view.receivingAgency, 'agency') : []),
      ...fact(t('citizen.facts.submittedAt'), formatDateTime(view.submittedAt), 'submittedAt'),
      ...(view.receivedAt ? fact(t('citizen.facts.receivedAt'), formatDateTime(view.receivedAt), 'receivedAt') : []),
      ...(due ? fact(t(due.expected ? 'citizen.facts.expectedDue' : 'citizen.facts.dueAt'), due.expected ? `${formatDate(due.at)} (${t('citizen.facts.expectedNote')})` : formatDate(due.at), 'dueAt') : []),
      ...(view.resultPlace && [9, 10].includes(view.status) ? fact(t('citizen.facts.resultPlace'), view.resultPlace, 'resultPlace') : []),
    ),
  );
}

function Timeline({ view }: { readonly view: PublicView }) {
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'timeline-title' },
    h('h3', { id: 'timeline-title' }, t('citizen.result.timeline')),
    h('ol', { className: 'timeline' }, ...view.timeline.map((entry, index) =>
      h('li', { key: index },
        h('time', { dateTime: entry.at }, formatDateTime(entry.at)),
        ' ',
        h('strong', null, t(`citizen.status.${entry.status}`)),
        actionShown(entry) ? h('span', { className: 'muted' }, ` — ${entry.action}`) : null))),
  );
}

/** The notices issued to the applicant that can be printed: the receipt, the supplement request, the refusal. */
function Documents({ view, proof }: { readonly view: PublicView; readonly proof: Proof }) {
  const forms: [string, string][] = [
    ...(view.receivedAt ? [['01', t('citizen.documents.form01')] as [string, string]] : []),
    ...(view.status === 5 ? [['02', t('citizen.documents.form02')] as [string, string]] : []),
    ...(view.status === 3 ? [['03', t('citizen.documents.form03')] as [string, string]] : []),
  ];
  const receipt = `/ho-so/${encodeURIComponent(view.code)}/bien-nhan`;
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'documents-title' },
    h('h3', { id: 'documents-title' }, t('citizen.documents.title')),
    h('p', null, h('a', { href: receipt }, t('citizen.documents.receipt'))),
    ...forms.map(([form, label]) => h('div', { key: form, ref: (element: HTMLDivElement | null) => element?.replaceChildren(printFormElement(proof, form, label)) })),
  );
}

/** The step's name beside its status, in Vietnamese pages only (the service names steps in Vietnamese), and never a bare internal code. */
function actionShown(entry: PublicView['timeline'][number]): boolean {
  return pageLanguage() === 'vi' && entry.action !== entry.statusName && !/^[a-z][A-Za-z]*$/.test(entry.action);
}
