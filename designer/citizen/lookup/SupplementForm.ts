import { createElement as h, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../shared/http.js';
import { t } from '../../shared/texts.js';
import { proofFields, type Proof } from '../proof.js';
import type { PublicView } from '../PublicView.js';
import type { ChosenFile, Component, UploadLimits } from '../submission/SubmissionData.js';
import { Uploads } from '../submission/Uploads.js';
import { uploadFile } from '../uploadFile.js';

interface SupplementProps {
  readonly view: PublicView;
  readonly proof: Proof;
  readonly limits: UploadLimits;
  readonly onDone: () => void;
}

/**
 * What the desk asked for, and the answer: the papers, each under the component it
 * belongs to, and a note. Files go up one by one; one that fails stays in the list
 * with the reason, the ones already sent leave it, and the supplement is declared
 * only when every file is in.
 */
export function SupplementForm({ view, proof, limits, onDone }: SupplementProps) {
  const [components, setComponents] = useState<readonly Component[]>([]);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    api<{ components: Component[] }>('GET', `/api/procedures/${encodeURIComponent(view.procedure.code)}`)
      .then((procedure) => setComponents(procedure.components))
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [view.procedure.code]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0 && note.trim() === '') {
      setProblem(t('citizen.supplement.nothing'));
      return;
    }
    setProblem('');
    const remaining = [...files];
    try {
      for (const [index, chosen] of files.entries()) {
        setBusy(t('citizen.supplement.uploading', { index: index + 1, count: files.length, name: chosen.file.name }));
        await uploadFile(`/api/public/dossiers/${encodeURIComponent(proof.code)}/attachments`, { ...proofFields(proof), component: chosen.component }, chosen.file, () => undefined);
        remaining.shift();
      }
      setBusy(t('citizen.supplement.sending'));
      await api('POST', `/api/public/dossiers/${encodeURIComponent(proof.code)}/supplement`, { ...proofFields(proof), ...(note.trim() ? { note: note.trim() } : {}) });
      onDone();
    } catch (error) {
      setFiles(remaining);
      setProblem(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    } finally {
      setBusy('');
    }
  };

  return h(
    'section',
    { className: 'card supplement', 'aria-labelledby': 'supplement-title' },
    h('h3', { id: 'supplement-title' }, t('citizen.supplement.title')),
    h('div', { className: 'notice' },
      view.supplement?.reason ? h('p', null, h('strong', null, t('citizen.supplement.reason')), ' ', view.supplement.reason) : null,
      view.supplement?.components.length ? h('div', null, h('p', null, h('strong', null, t('citizen.supplement.asked'))), h('ul', null, ...view.supplement.components.map((c, i) => h('li', { key: i }, c)))) : null),
    h('form', { noValidate: true, onSubmit: (event: FormEvent) => void submit(event) },
      components.length ? h(Uploads, { components, limits, files, onAdd: (added) => setFiles((current) => [...current, ...added]), onRemove: (key) => setFiles((current) => current.filter((f) => f.key !== key)) }) : null,
      h('div', { className: 'field' },
        h('label', { htmlFor: 'supplement-note' }, t('citizen.supplement.note')),
        h('textarea', { id: 'supplement-note', rows: 3, maxLength: 2000, value: note, onChange: (event: { target: { value: string } }) => setNote(event.target.value) })),
      h('div', { role: 'alert', className: 'error' }, problem),
      busy ? h('p', { role: 'status' }, busy) : null,
      h('button', { type: 'submit', disabled: busy !== '' }, t('citizen.supplement.submit'))),
  );
}
