import { NotificationError } from './NotificationError.js';
import type { NotificationTransport, OutgoingMessage } from './NotificationTransport.js';

export interface HttpSmsTransportOptions {
  /** The provider's endpoint (or a gateway in front of it) that takes `{to, text, channel}` as JSON. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  readonly channel: 'sms' | 'zalo';
  /** Longest wait for the provider's answer. Default 15 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const BODY_EXCERPT = 200;

/**
 * SMS or Zalo through an HTTP provider: one POST per message; a 2xx answer means the
 * provider took it. 4xx answers other than 408 and 429 are not retried: the same request
 * would be refused again.
 */
export function createHttpSmsTransport(options: HttpSmsTransportOptions): NotificationTransport {
  const endpoint = parseEndpoint(options.url, options.channel);
  // The origin only: a path or query may carry an account key.
  const provider = `the ${options.channel} provider at ${endpoint.origin}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token !== undefined && options.token !== '') headers.authorization = `Bearer ${options.token}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    async send(message: OutgoingMessage): Promise<void> {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: message.to, text: message.text, channel: options.channel }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new NotificationError('SEND_FAILED', `Expected ${provider} to answer, but the request failed: ${reasonOf(error)}`, { cause: error });
      }
      // Read the body either way: an unread body keeps the connection from being reused.
      const body = await response.text().catch(() => '');
      if (response.ok) return;
      const excerpt = body.length > BODY_EXCERPT ? `${body.slice(0, BODY_EXCERPT)}…` : body;
      throw new NotificationError('SEND_FAILED', `Expected ${provider} to answer 2xx, but it answered ${response.status}: ${excerpt}`, {
        status: response.status,
        retryable: response.status >= 500 || response.status === 408 || response.status === 429,
      });
    },
  };
}

function parseEndpoint(url: string, channel: string): URL {
  const variable = channel === 'zalo' ? 'ZALO_PROVIDER_URL' : 'SMS_PROVIDER_URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NotificationError('INVALID_OPTION', `Expected ${variable} to be an http(s) URL, but it does not parse.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new NotificationError('INVALID_OPTION', `Expected ${variable} to be an http(s) URL, but it starts with ${parsed.protocol}//.`);
  }
  return parsed;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no answer in time';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
