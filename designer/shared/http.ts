/** One field's message, as the API sends it: a JSON pointer into the data and a sentence. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An API answer other than 2xx, with the server's Vietnamese message and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The session's CSRF token, written into the page by the server. */
export function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

/**
 * Call the API with the session cookie and CSRF token; JSON in and out. A failure
 * throws `ApiError` carrying the server's message, so pages show it as it is.
 */
export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', document.documentElement.lang === 'en' ? 'Cannot reach the server. Check the connection and try again.' : 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  const data: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? `HTTP ${response.status}`, error?.fields ?? []);
  }
  return data as T;
}
