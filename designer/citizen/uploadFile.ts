import { ApiError, csrfToken } from '../shared/http.js';

/**
 * Send one file as multipart form data, reporting progress (fetch cannot report
 * an upload's progress). Fails with the server's `ApiError`, as `api()` does.
 */
export function uploadFile(url: string, fields: Readonly<Record<string, string>>, file: File, onProgress: (fraction: number) => void): Promise<unknown> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) request.setRequestHeader('X-CSRF-Token', token);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const answer = parse(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(answer);
        return;
      }
      const error = (answer as { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } } | undefined)?.error;
      reject(new ApiError(request.status, error?.code ?? `HTTP_${request.status}`, error?.message ?? `HTTP ${request.status}`, error?.fields ?? []));
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', document.documentElement.lang === 'en' ? 'Cannot reach the server. Check the connection and try again.' : 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.')));
    request.send(body);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `2,5 MB`, `300 KB`: sizes as people read them. */
export function formatSize(bytes: number, language: 'vi' | 'en'): string {
  const number = (value: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** `PDF, JPEG, PNG` for the media types a service accepts. */
export function typeNames(types: readonly string[]): string {
  const names: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
  return types.map((type) => names[type] ?? type).join(', ');
}
