import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/texts.js';
import { diffView } from './diffView.js';
import { h, messageOf, required } from './dom.js';
import { studioApi } from './studioApi.js';
import type { VersionInfo } from './types.js';

/** The "Lịch sử" panel: the versions, a read-only look at any of them, its .bpmn, and the differences between two. */
export interface HistoryPanel {
  setVersions(versions: readonly VersionInfo[]): void;
}

export function mountHistory(panel: HTMLElement, code: string): HistoryPanel {
  const viewer = readOnlyViewer(panel, code);
  const diff = required<HTMLFormElement>(panel, 'form[data-diff]');
  diff.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare(panel, code);
  });
  return {
    setVersions(versions) {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      required(panel, 'table[data-versions] tbody').replaceChildren(...sorted.map((version) => versionRow(version, code, viewer)));
      required(panel, '[data-versions-none]').hidden = sorted.length > 0;
      diff.hidden = sorted.length < 2;
      fillChoices(required(diff, '#diff-from'), sorted, sorted[1]?.version);
      fillChoices(required(diff, '#diff-to'), sorted, sorted[0]?.version);
    },
  };
}

function versionRow(version: VersionInfo, code: string, view: (version: number) => Promise<void>): HTMLTableRowElement {
  const look = h('button', { type: 'button', class: 'secondary', 'aria-label': t('studio.history.viewVersion', { version: version.version }) }, t('studio.history.view'));
  look.addEventListener('click', () => void view(version.version));
  const open = h('a', { class: 'button secondary', href: `/thiet-ke/${encodeURIComponent(code)}?version=${version.version}` }, t('studio.history.open'));
  const bpmn = h('a', {
    class: 'button secondary',
    href: studioApi.bpmnDownloadUrl(code, version.version),
    download: `${code}-v${version.version}.bpmn`,
    'aria-label': t('studio.history.downloadVersion', { version: version.version }),
  }, t('studio.history.download'));
  return h('tr', { 'data-version': version.version },
    h('td', { class: 'num' }, String(version.version)),
    h('td', {}, formatDateTime(version.createdAt)),
    h('td', {}, version.createdBy),
    h('td', {}, version.note ?? ''),
    h('td', {}, h('div', { class: 'studio-actions' }, look, open, bpmn)));
}

function fillChoices(select: HTMLSelectElement, versions: readonly VersionInfo[], chosen: number | undefined): void {
  select.replaceChildren(...versions.map((v) => h('option', { value: v.version, selected: v.version === chosen }, t('studio.work.versionLabel', { version: v.version }))));
}

/** Shows a version's diagram in a viewer that cannot change it. */
function readOnlyViewer(panel: HTMLElement, code: string): (version: number) => Promise<void> {
  const box = required(panel, '[data-version-viewer]');
  const error = required(panel, '[data-history-error]');
  let viewer: NavigatedViewer | undefined;
  required(box, '[data-action="close-viewer"]').addEventListener('click', () => {
    box.hidden = true;
  });
  return async (version) => {
    error.textContent = '';
    try {
      const detail = await studioApi.procedure(code, version);
      box.hidden = false;
      required(box, '[data-version-viewer-title]').textContent = t('studio.history.viewing', { version });
      viewer ??= new NavigatedViewer({ container: required<HTMLElement>(box, '[data-version-viewer-canvas]') });
      await viewer.importXML(detail.bpmn);
      viewer.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
      box.scrollIntoView({ block: 'nearest' });
    } catch (failure) {
      error.textContent = t('studio.history.failed', { message: messageOf(failure) });
    }
  };
}

async function compare(panel: HTMLElement, code: string): Promise<void> {
  const from = Number(required<HTMLSelectElement>(panel, '#diff-from').value);
  const to = Number(required<HTMLSelectElement>(panel, '#diff-to').value);
  const error = required(panel, '[data-diff-error]');
  const result = required(panel, '[data-diff-result]');
  error.textContent = '';
  try {
    result.replaceChildren(...diffView(await studioApi.diff(code, from, to)));
  } catch (failure) {
    result.replaceChildren();
    error.textContent = t('studio.diff.failed', { message: messageOf(failure) });
  }
}
