import type { Clock, Engine, WorkingCalendar } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import type { FormRegistry } from '../../forms/index.js';
import type { DossierCodeStrategy } from './dossierCode.js';

/** What the dossier services and the projection share. */
export interface DossierContext {
  readonly engine: Engine;
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  /** The catalogue is reloaded after imports; always read the current one. */
  catalogue(): Catalogue;
  readonly forms: FormRegistry;
  readonly codes: DossierCodeStrategy;
  /** Base of the public look-up URL printed on receipts, e.g. `https://dichvucong.example.vn`. */
  readonly publicBaseUrl: string;
  /** Channels used to tell applicants about status changes. */
  readonly notifyChannels: readonly ('email' | 'sms' | 'zalo')[];
}

export function lookupUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(code)}`;
}
