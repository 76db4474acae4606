import { DEMO_PASSWORD } from '../../../api/seed/demoAccounts.js';

export interface RawSession {
  readonly status: number;
  /** The `Set-Cookie` headers of the login answer, attributes included. */
  readonly setCookies: readonly string[];
  /** What a browser sends back: `name=value` of each cookie set. */
  readonly cookie: string;
  readonly csrfToken: string | undefined;
}

/**
 * Log in with plain `fetch`, keeping what the test client hides: the cookie
 * attributes, and a cookie header for requests whose answers are bytes.
 */
export async function rawLogin(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<RawSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const setCookies = response.headers.getSetCookie();
  return {
    status: response.status,
    setCookies,
    cookie: setCookies.map((c) => c.split(';')[0]!).join('; '),
    csrfToken: body.csrfToken,
  };
}
