import { Writable } from 'node:stream';
import { VirtualClock } from '../../../engine/index.js';
import { Application } from '../../../api/Application.js';
import { readConfig, type AppConfig } from '../../../api/config.js';
import { createLogger } from '../../../api/http/logger.js';
import { DEMO_PASSWORD } from '../../../api/seed/demoAccounts.js';
import { openTestDb } from '../../support/testDb.js';
import { HttpClient, type TestApp } from './testApp.js';

export interface CapturedApp extends TestApp {
  /** Every log line the service has written so far, as the JSON text it wrote. */
  logs(): string;
}

/**
 * `startTestApp` with the service's own logger (`createLogger`, redaction included)
 * writing into memory, so a spec can read what operators would read.
 */
export async function startCapturedApp(options: { at?: string; config?: Partial<AppConfig>; level?: string } = {}): Promise<CapturedApp> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const db = await openTestDb();
  const clock = new VirtualClock(new Date(options.at ?? '2026-03-02T08:00:00+07:00'));
  const config: AppConfig = { ...readConfig({}, process.cwd()), runJobs: false, logLevel: options.level ?? 'info', publicBaseUrl: 'https://dichvucong.demo.vn', publicRequestsPerMinute: 100_000, ...options.config };
  const app = await Application.start({ config, db, clock, logger: createLogger({ level: options.level ?? 'info', destination }) });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    clock,
    db,
    logs: () => lines.join(''),
    anonymous: () => new HttpClient(url),
    async login(username, password = DEMO_PASSWORD) {
      const client = new HttpClient(url);
      const response = await client.post<{ csrfToken: string }>('/api/auth/login', { username, password });
      if (response.status !== 200) throw new Error(`Expected to log in as ${username}, but got ${response.status} ${response.text}`);
      client.csrfToken = response.body.csrfToken;
      client.credentials = { username, password };
      return client;
    },
    async close() {
      await app.stop();
      await db.close();
    },
  };
}
