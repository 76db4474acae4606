import { createElement as h, useCallback, useEffect, useState } from 'react';
import { t } from '../../shared/texts.js';
import { proofFields, type Proof } from '../proof.js';
import { uploadFile } from '../uploadFile.js';
import type { ChosenFile, Component, UploadState } from './SubmissionData.js';

interface SentProps {
  readonly proof: Proof;
  readonly files: readonly ChosenFile[];
  readonly components: readonly Component[];
}

/**
 * After the dossier is in: its papers go up one by one with their progress. When all
 * are up the receipt opens; a file that failed says why and can be sent again, and the
 * receipt is reachable anyway (the dossier exists whatever happens to a file).
 */
export function SentPanel({ proof, files, components }: SentProps) {
  const [states, setStates] = useState<Record<string, UploadState>>(() => Object.fromEntries(files.map((f) => [f.key, { kind: 'waiting' } as UploadState])));
  const receipt = `/ho-so/${encodeURIComponent(proof.code)}/bien-nhan`;
  const set = (key: string, state: UploadState) => setStates((current) => ({ ...current, [key]: state }));

  const sendOne = useCallback(async (chosen: ChosenFile): Promise<boolean> => {
    set(chosen.key, { kind: 'sending', fraction: 0 });
    try {
      const url = `/api/public/dossiers/${encodeURIComponent(proof.code)}/attachments`;
      await uploadFile(url, { ...proofFields(proof), component: chosen.component }, chosen.file, (fraction) => set(chosen.key, { kind: 'sending', fraction }));
      set(chosen.key, { kind: 'done' });
      return true;
    } catch (error) {
      set(chosen.key, { kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }, [proof]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let allSent = true;
      for (const chosen of files) {
        if (cancelled) return;
        allSent = (await sendOne(chosen)) && allSent;
      }
      if (allSent && !cancelled) window.location.assign(receipt);
    })();
    return () => {
      cancelled = true;
    };
  }, [files, receipt, sendOne]);

  const failed = files.filter((f) => states[f.key]?.kind === 'failed');
  return h(
    'section',
    { className: 'card sent', 'aria-labelledby': 'sent-title' },
    h('h2', { id: 'sent-title' }, t('citizen.sent.title')),
    h('p', null, t('citizen.sent.code'), ' ', h('strong', { className: 'dossier-code' }, proof.code)),
    files.length ? h('p', { role: 'status' }, failed.length ? t('citizen.sent.someFailed', { count: failed.length }) : t('citizen.sent.uploading')) : null,
    h('ul', { className: 'uploads' }, ...files.map((chosen) => h(FileProgress, {
      key: chosen.key,
      chosen,
      componentName: components.find((c) => c.code === chosen.component)?.name ?? chosen.component,
      state: states[chosen.key] ?? { kind: 'waiting' },
      onRetry: () => void sendOne(chosen),
    }))),
    h('p', null, h('a', { className: 'button', href: receipt }, t('citizen.sent.toReceipt'))),
  );
}

interface FileProgressProps {
  readonly chosen: ChosenFile;
  readonly componentName: string;
  readonly state: UploadState;
  readonly onRetry: () => void;
}

function FileProgress({ chosen, componentName, state, onRetry }: FileProgressProps) {
  const label = `${componentName}: ${chosen.file.name}`;
  const id = `upload-${chosen.key}`;
  return h(
    'li',
    { 'data-upload-state': state.kind },
    h('span', { id }, label),
    state.kind === 'sending' ? h('progress', { max: 1, value: state.fraction, 'aria-labelledby': id }) : null,
    state.kind === 'done' ? h('span', { className: 'badge ok' }, t('citizen.sent.done')) : null,
    state.kind === 'waiting' ? h('span', { className: 'muted' }, t('citizen.sent.waiting')) : null,
    state.kind === 'failed'
      ? h('span', { className: 'upload-failed' }, h('span', { role: 'alert', className: 'field-error' }, state.message), ' ', h('button', { type: 'button', className: 'secondary', onClick: onRetry }, t('citizen.sent.retry')))
      : null,
  );
}
