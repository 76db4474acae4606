import type { Logger } from 'pino';
import type { Clock, Db, Engine, WorkingCalendar } from '../engine/index.js';
import type { FormRegistry } from '../forms/index.js';
import type { AccountService } from './auth/index.js';
import type { Catalogue } from './catalogue/index.js';
import type { AppConfig } from './config.js';
import type { DossierQueries, DossierService } from './dossiers/index.js';
import type { Metrics } from './http/metrics.js';
import type { ReportService } from './reports/index.js';

/** What the HTTP routes are given: the running application's services. */
export interface Services {
  readonly config: AppConfig;
  readonly db: Db;
  readonly engine: Engine;
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  catalogue(): Catalogue;
  /** Re-read agencies and procedures after a procedure was deployed. */
  reloadCatalogue(): Promise<void>;
  readonly forms: FormRegistry;
  readonly dossiers: DossierService;
  readonly queries: DossierQueries;
  readonly accounts: AccountService;
  readonly reports: ReportService;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Whether the service can take work (database reachable, not stopping). */
  ready(): Promise<{ ok: boolean; checks: Record<string, string> }>;
}
