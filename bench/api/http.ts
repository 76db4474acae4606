import { record, type Samples } from './stats.js';

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
  readonly bytes: number;
}

/**
 * One browser session against the service: the session cookie and the
 * `X-CSRF-Token` the login handed out, sent with every request. Each request is
 * timed from send to the last byte of the parsed answer, under the kind given.
 */
export class Session {
  private cookie: string | undefined;
  private csrfToken: string | undefined;
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly samples: Samples,
  ) {}

  async login(username: string, password: string): Promise<void> {
    const answer = await this.call<{ csrfToken: string }>('POST /api/auth/login', 'POST', '/api/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`Expected to log in as ${username}, but got ${answer.status} ${JSON.stringify(answer.body)}`);
    this.csrfToken = answer.body.csrfToken;
  }

  async call<T = unknown>(kind: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const started = performance.now();
    const response = await fetch(this.baseUrl + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    const parsed = (response.headers.get('content-type')?.includes('application/json') ? JSON.parse(text) : text) as T;
    record(this.samples, kind, performance.now() - started);
    this.requests += 1;
    // Only the session cookie is ever set, and the service never clears it mid-run.
    const [setCookie] = response.headers.getSetCookie();
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return { status: response.status, body: parsed, bytes: Buffer.byteLength(text) };
  }
}
