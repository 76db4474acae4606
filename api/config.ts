import { join } from 'node:path';

/** Everything configurable, read once from the environment (README lists each variable). */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** PGlite data directory when no DATABASE_URL is given; `memory://` keeps everything in memory. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly publicBaseUrl: string;
  readonly secureCookies: boolean;
  readonly logLevel: string;
  readonly maxUploadBytes: number;
  readonly allowedUploadTypes: readonly string[];
  /** Seed the demo accounts (README) when they do not exist. */
  readonly seedDemo: boolean;
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  readonly smsProviderUrl: string | undefined;
  readonly smsProviderToken: string | undefined;
  readonly zaloProviderUrl: string | undefined;
  /** Place printed on documents ("Đà Nẵng, ngày …"). */
  readonly place: string;
  /** Requests per minute one client address may make to the public (citizen) endpoints. */
  readonly publicRequestsPerMinute: number;
  /** Run the scheduler tick and the daily jobs (tests drive time themselves). */
  readonly runJobs: boolean;
  /** Which due date reports judge a dossier by after an apology moved it: the original (default) or the apology's. */
  readonly reportApologyDue: 'original' | 'apology';
}

export function readConfig(env: NodeJS.ProcessEnv, root: string): AppConfig {
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? join(root, 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    secureCookies: env.SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    allowedUploadTypes: (env.ALLOWED_UPLOAD_TYPES ?? 'application/pdf,image/jpeg,image/png').split(',').map((t) => t.trim()),
    seedDemo: env.SEED_DEMO !== 'false',
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? 'Một cửa điện tử <no-reply@motcua.local>',
    smsProviderUrl: env.SMS_PROVIDER_URL || undefined,
    smsProviderToken: env.SMS_PROVIDER_TOKEN || undefined,
    zaloProviderUrl: env.ZALO_PROVIDER_URL || undefined,
    place: env.DOCUMENT_PLACE ?? 'Đà Nẵng',
    runJobs: env.RUN_JOBS !== 'false',
    publicRequestsPerMinute: Number(env.PUBLIC_REQUESTS_PER_MINUTE ?? 60),
    reportApologyDue: env.REPORT_APOLOGY_DUE === 'apology' ? 'apology' : 'original',
  };
}
