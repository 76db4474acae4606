/**
 * npm start: the one-stop service on its embedded default.
 *
 * PGlite under DATA_DIR (default ./data), or a PostgreSQL server when
 * DATABASE_URL is set. Applies migrations, loads the agency tree and the
 * procedures under processes/, seeds the demo accounts, serves HTTP on PORT
 * (default 3000) and drives time until stopped with Ctrl-C or SIGTERM.
 * Logs are JSON lines on stdout.
 */
import { fileURLToPath } from 'node:url';
import { Application } from './Application.js';
import { readConfig } from './config.js';
import { createLogger } from './http/logger.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const config = readConfig(process.env, root);
  const logger = createLogger({ level: config.logLevel });
  logger.info({ database: config.databaseUrl ? 'postgresql' : 'pglite', ...(config.databaseUrl ? {} : { dataDir: config.dataDir }) }, 'starting');
  const application = await Application.start({ config, logger });
  const url = await application.listen();
  logger.info({ url, openapi: `${url}/openapi.json` }, 'one-stop service listening; press Ctrl-C to stop');

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    application.stop().then(
      () => logger.info('stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'start-up failed', error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exitCode = 1;
});
