/* eslint-disable @typescript-eslint/no-explicit-any -- specs read JSON answers field by field */
import { VirtualClock, type Db } from '../../../engine/index.js';
import { Application } from '../../../api/Application.js';
import { readConfig, type AppConfig } from '../../../api/config.js';
import { createLogger } from '../../../api/http/logger.js';
import { DEMO_PASSWORD } from '../../../api/seed/demoAccounts.js';
import { openTestDb } from '../../support/testDb.js';

export interface TestApp {
  readonly app: Application;
  readonly url: string;
  readonly clock: VirtualClock;
  readonly db: Db;
  /** A client without a session: the public, a citizen. */
  anonymous(): HttpClient;
  /** A client signed in as a demo account. */
  login(username: string, password?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

/**
 * The whole service on a fresh database (PGlite, or a schema on the server when
 * TEST_DB=pg), on an ephemeral port, with a virtual clock the spec moves. Jobs do
 * not run by themselves: specs fire timers and drain the outbox when they mean to.
 */
export async function startTestApp(options: { at?: string; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const db = await openTestDb();
  const clock = new VirtualClock(new Date(options.at ?? '2026-03-02T08:00:00+07:00'));
  const config: AppConfig = { ...readConfig({}, process.cwd()), runJobs: false, logLevel: 'silent', publicBaseUrl: 'https://dichvucong.demo.vn', publicRequestsPerMinute: 100_000, ...options.config };
  const app = await Application.start({ config, db, clock, logger: createLogger({ level: process.env.TEST_LOG ?? 'silent' }) });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    clock,
    db,
    anonymous: () => new HttpClient(url),
    async login(username, password = DEMO_PASSWORD) {
      const client = new HttpClient(url);
      const response = await client.post('/api/auth/login', { username, password });
      if (response.status !== 200) throw new Error(`Expected to log in as ${username}, but got ${response.status} ${JSON.stringify(response.body)}`);
      client.csrfToken = (response.body as { csrfToken: string }).csrfToken;
      client.credentials = { username, password };
      return client;
    },
    async close() {
      await app.stop();
      await db.close();
    },
  };
}

export interface HttpResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly headers: Headers;
}

/** A tiny HTTP client with a cookie jar and the CSRF header, as a browser session would send. */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;
  /** Set for signed-in clients: a session that expired while a spec moved the clock is opened again once. */
  credentials: { username: string; password: string } | undefined;

  constructor(readonly baseUrl: string) {}

  /** The session cookie as request headers, for reading a raw response (a binary download). */
  headers(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  get<T = any>(path: string): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, body, options);
  }

  async upload<T = any>(path: string, fields: Record<string, string>, file: { name: string; type: string; content: Buffer }): Promise<HttpResponse<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file.content], { type: file.type }), file.name);
    return this.send<T>('POST', path, form, {});
  }

  async request<T>(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), headers, options);
  }

  private async send<T>(method: string, path: string, body: string | FormData | undefined, headers: Record<string, string>, options: { csrf?: boolean } = {}): Promise<HttpResponse<T>> {
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, { method, headers, ...(body === undefined ? {} : { body }) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0/i.test(cookie) || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    if (response.status === 401 && this.credentials && path !== '/api/auth/login') {
      const { username, password } = this.credentials;
      this.credentials = undefined;
      const login = await this.post<{ csrfToken: string }>('/api/auth/login', { username, password });
      if (login.status === 200) {
        this.csrfToken = login.body.csrfToken;
        this.credentials = { username, password };
        delete headers.cookie;
        return this.send<T>(method, path, body, headers, options);
      }
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }
}
