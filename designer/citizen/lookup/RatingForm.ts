import { createElement as h, useState, type FormEvent } from 'react';
import { api } from '../../shared/http.js';
import { t } from '../../shared/texts.js';
import { proofFields, type Proof } from '../proof.js';

/** The scale the API accepts: 5 very satisfied … 1 very dissatisfied (DOMAIN.md §8). */
const LEVELS = [5, 4, 3, 2, 1] as const;

/** The satisfaction rating after the result is returned, once per dossier, with an optional comment. */
export function RatingForm({ proof, onDone }: { readonly proof: Proof; readonly onDone: () => void }) {
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (rating === undefined) {
      setRatingError(t('citizen.rating.required'));
      document.getElementById('rating-5')?.focus();
      return;
    }
    setRatingError('');
    setBusy(true);
    try {
      await api('POST', `/api/public/dossiers/${encodeURIComponent(proof.code)}/rating`, { ...proofFields(proof), rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onDone();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return h(
    'section',
    { className: 'card rating', 'aria-labelledby': 'rating-title' },
    h('h3', { id: 'rating-title' }, t('citizen.rating.title')),
    h('form', { noValidate: true, onSubmit: (event: FormEvent) => void submit(event) },
      h('fieldset', { className: `field choice${ratingError ? ' invalid' : ''}`, 'aria-describedby': 'rating-error' },
        h('legend', null, t('citizen.rating.question')),
        ...LEVELS.map((level) => h('label', { key: level, className: 'choice-option', htmlFor: `rating-${level}` },
          h('input', { type: 'radio', id: `rating-${level}`, name: 'rating', value: level, checked: rating === level, onChange: () => setRating(level) }),
          ' ', t(`citizen.rating.level${level}`))),
        h('p', { className: 'field-error', id: 'rating-error' }, ratingError)),
      h('div', { className: 'field' },
        h('label', { htmlFor: 'rating-comment' }, t('citizen.rating.comment')),
        h('textarea', { id: 'rating-comment', rows: 3, maxLength: 1000, value: comment, onChange: (event: { target: { value: string } }) => setComment(event.target.value) })),
      h('div', { role: 'alert', className: 'error' }, problem),
      h('button', { type: 'submit', disabled: busy }, t('citizen.rating.submit'))),
  );
}
