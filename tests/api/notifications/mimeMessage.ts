/**
 * Just enough MIME to read what nodemailer sends for a plain-text message: unfolded
 * headers, RFC 2047 encoded words (Q and B) and a quoted-printable, base64 or 8bit body.
 * `raw` is the message as latin1 text, so each character is one byte of the original.
 */
export interface MailMessage {
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly to: string;
  readonly from: string;
  readonly contentType: string;
  readonly transferEncoding: string;
  readonly text: string;
}

export function parseMailMessage(raw: string): MailMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const transferEncoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    from: decodeWords(headers.get('from') ?? ''),
    contentType: headers.get('content-type') ?? '',
    transferEncoding,
    text: decodeBody(body, transferEncoding).replace(/\r\n/g, '\n').replace(/\n$/, ''),
  };
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintableBytes(body.replace(/=\r\n/g, '')).toString('utf8');
  return Buffer.from(body, 'latin1').toString('utf8');
}

// Adjacent encoded words are joined without the whitespace between them (RFC 2047 §6.2).
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_word, _charset: string, encoding: string, text: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text.replace(/_/g, ' '))).toString('utf8'),
    );
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}
