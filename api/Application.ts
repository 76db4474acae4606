import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { Engine, loadMigrations, migrate, openDb, Scheduler, systemClock, vietnamCalendar, type Clock, type Db, type WorkingCalendar } from '../engine/index.js';
import { loadFormRegistry } from '../forms/index.js';
import { createApp } from './app.js';
import { AccountService } from './auth/index.js';
import { importProcedures, loadCatalogue, syncAgencies, type AgencyConfig, type Catalogue } from './catalogue/index.js';
import type { AppConfig } from './config.js';
import { registerStoredForms } from './designer/index.js';
import { circular01DossierCode, DossierProjection, DossierQueries, DossierService, toDossier, type DossierContext } from './dossiers/index.js';
import { createLogger } from './http/logger.js';
import { Metrics } from './http/metrics.js';
import { remindDueDossiers } from './jobs/remindDueDossiers.js';
import { startJobs } from './jobs/startJobs.js';
import { createHttpSmsTransport, createSmtpTransport, OutboxDrainer, type NotificationTransport } from './notifications/index.js';
import { backfillReportFacts, ReportService } from './reports/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demoAccounts.js';
import type { Services } from './services.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ApplicationOptions {
  readonly config: AppConfig;
  /** An open database (tests); otherwise opened from the configuration. */
  readonly db?: Db;
  readonly clock?: Clock;
  readonly calendar?: WorkingCalendar;
  readonly logger?: Logger;
  readonly processesDir?: string;
  readonly agencies?: AgencyConfig;
}

/**
 * The running one-stop service: database and migrations, catalogue import,
 * engine with the dossier projection, outbox, jobs and the HTTP server.
 */
export class Application {
  private server: Server | undefined;
  private jobs: { stop(): Promise<void> } | undefined;
  private stopping = false;
  private catalogueNow: Catalogue;

  private constructor(
    readonly services: Services,
    readonly app: Express,
    readonly drainer: OutboxDrainer,
    readonly scheduler: Scheduler,
    readonly context: DossierContext,
    private readonly ownsDb: boolean,
    catalogue: Catalogue,
  ) {
    this.catalogueNow = catalogue;
  }

  static async start(options: ApplicationOptions): Promise<Application> {
    const { config } = options;
    const logger = options.logger ?? createLogger({ level: config.logLevel });
    const db = options.db ?? (await openDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }));
    const clock = options.clock ?? systemClock;
    const calendar = options.calendar ?? vietnamCalendar();
    const engine = await Engine.create({ db, clock, calendar });
    await migrate(db, await loadMigrations(join(root, 'api', 'store', 'migrations')));

    const agencies = options.agencies ?? (JSON.parse(await readFile(join(root, 'processes', 'agencies.json'), 'utf8')) as AgencyConfig);
    await syncAgencies(db, agencies);
    const forms = await loadFormRegistry();
    await registerStoredForms(db, forms);
    const imported = await importProcedures(db, engine, options.processesDir ?? join(root, 'processes'));
    for (const p of imported) logger.info({ procedure: p.code, version: p.version }, p.isNew ? 'procedure imported' : 'procedure unchanged');

    const backfilled = await backfillReportFacts(db, calendar, toDossier);
    if (backfilled > 0) logger.info({ dossiers: backfilled }, 'report rows filled for dossiers received before reporting');

    const holder: { application?: Application } = {};
    const catalogue = await loadCatalogue(db);
    const context: DossierContext = {
      engine,
      calendar,
      clock,
      catalogue: () => holder.application?.catalogueNow ?? catalogue,
      forms,
      codes: circular01DossierCode,
      publicBaseUrl: config.publicBaseUrl,
      notifyChannels: ['email', 'sms', ...(config.zaloProviderUrl ? (['zalo'] as const) : [])],
    };
    engine.subscribe(new DossierProjection(context).listener);

    const accounts = new AccountService({ db, clock: () => clock.now() });
    if (config.seedDemo) {
      for (const account of DEMO_ACCOUNTS) await accounts.upsertUser({ ...account, roles: [...account.roles], password: DEMO_PASSWORD });
    }

    const transports: Partial<Record<'email' | 'sms' | 'zalo', NotificationTransport>> = {};
    if (config.smtpUrl) transports.email = createSmtpTransport({ url: config.smtpUrl, from: config.smtpFrom });
    if (config.smsProviderUrl) transports.sms = createHttpSmsTransport({ url: config.smsProviderUrl, ...(config.smsProviderToken ? { token: config.smsProviderToken } : {}), channel: 'sms' });
    if (config.zaloProviderUrl) transports.zalo = createHttpSmsTransport({ url: config.zaloProviderUrl, ...(config.smsProviderToken ? { token: config.smsProviderToken } : {}), channel: 'zalo' });
    const drainer = new OutboxDrainer({ db, transports, clock: () => clock.now(), logger });

    const dossiers = new DossierService(db, context);
    dossiers.afterCommit = () => drainer.drainSoon();
    const metrics = new Metrics();
    const scheduler = new Scheduler(engine, { onError: (error) => logger.error({ err: error }, 'scheduler tick failed') });
    const services: Services = {
      config,
      db,
      engine,
      calendar,
      clock,
      catalogue: context.catalogue,
      reloadCatalogue: async () => holder.application?.reloadCatalogue(),
      forms,
      dossiers,
      queries: new DossierQueries(db, context),
      accounts,
      reports: new ReportService({ db, calendar, clock, catalogue: context.catalogue, apologyDue: config.reportApologyDue }),
      logger,
      metrics,
      ready: async (): Promise<{ ok: boolean; checks: Record<string, string> }> => {
        if (holder.application?.stopping) return { ok: false, checks: { service: 'stopping' } };
        try {
          await db.query('SELECT 1');
          return { ok: true, checks: { database: 'ok' } };
        } catch (error) {
          return { ok: false, checks: { database: error instanceof Error ? error.message : String(error) } };
        }
      },
    };
    const application = new Application(services, createApp(services), drainer, scheduler, context, !options.db, catalogue);
    holder.application = application;
    if (config.runJobs) {
      application.jobs = startJobs({
        scheduler,
        drainOutbox: () => drainer.drain(),
        remindDue: () => application.remindDue(),
        logger,
      });
    }
    return application;
  }

  /** The daily reminder; skipped on days off (the job is scheduled Monday to Saturday for working Saturdays). */
  async remindDue(): Promise<{ reminded: number }> {
    if (!this.services.calendar.isWorkingDay(this.services.clock.now())) return { reminded: 0 };
    const result = await remindDueDossiers(this.services.db, this.context);
    await this.services.accounts.pruneExpired();
    this.drainer.drainSoon();
    return result;
  }

  /** Re-read agencies and procedures after an import. */
  async reloadCatalogue(): Promise<void> {
    this.catalogueNow = await loadCatalogue(this.services.db);
  }

  async listen(port = this.services.config.port, host = this.services.config.host): Promise<string> {
    const server = this.app.listen(port, host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  }

  /** Graceful stop: refuse new work, finish requests in flight, stop jobs and the outbox, close the database. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.server) {
      const server = this.server;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    }
    await this.jobs?.stop();
    await this.scheduler.stop();
    await this.drainer.stop();
    if (this.ownsDb) await this.services.db.close();
  }
}
