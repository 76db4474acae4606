import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProviderRequest {
  readonly method: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

export interface ProviderAnswer {
  readonly status: number;
  readonly body?: string;
}

/** Decides the answer to one request; a promise makes the provider slow (or, never settling, hang). */
export type Responder = (request: ProviderRequest, index: number) => ProviderAnswer | Promise<ProviderAnswer>;

export interface HttpProviderServer {
  readonly url: string;
  /** Every request, in arrival order, including those answered with an error status. */
  readonly requests: ProviderRequest[];
  /** What the next requests get; the default is 200. */
  answer(next: Responder): void;
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral local port standing in for an SMS or Zalo provider. */
export async function startHttpProvider(): Promise<HttpProviderServer> {
  const requests: ProviderRequest[] = [];
  let respond: Responder = () => ({ status: 200, body: '{"status":"queued"}' });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: ProviderRequest = { method: req.method, headers: req.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
      requests.push(request);
      void Promise.resolve(respond(request, requests.length - 1)).then(({ status, body }) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/messages`,
    requests,
    answer(next) {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A promise settled from outside: holds a slow provider's answer until the spec releases it. */
export function gate(): { readonly opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Wait, polling, until `condition` holds; fails after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Expected ${what} within ${timeoutMs} ms, but it did not happen.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
