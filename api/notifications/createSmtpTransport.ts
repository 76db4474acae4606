import { createTransport } from 'nodemailer';
import { NotificationError } from './NotificationError.js';
import type { NotificationTransport, OutgoingMessage } from './NotificationTransport.js';

export interface SmtpTransportOptions {
  /**
   * `smtp://user:pass@host:port` (plain, upgraded with STARTTLS when the server offers it)
   * or `smtps://…` (TLS from the start). Query parameters set further nodemailer options,
   * e.g. `?ignoreTLS=true` for a local relay without TLS; they win over the options below.
   */
  readonly url: string;
  /** The sender, e.g. `"Một cửa điện tử" <motcua@example.gov.vn>`. */
  readonly from: string;
  /** Never upgrade with STARTTLS, even when offered. */
  readonly ignoreTLS?: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS. */
  readonly requireTLS?: boolean;
  /** How the text part is encoded; nodemailer picks quoted-printable or base64 by itself when unset. */
  readonly textEncoding?: 'quoted-printable' | 'base64';
  /** Longest wait for the connection, the greeting and each reply. Default 30 s. */
  readonly timeoutMs?: number;
}

export interface SmtpTransport extends NotificationTransport {
  /** Closes pooled connections (`?pool=true`); nothing to do otherwise. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** E-mail through an SMTP server (nodemailer), as a plain-text message in UTF-8. */
export function createSmtpTransport(options: SmtpTransportOptions): SmtpTransport {
  const server = describeServer(options.url);
  if (options.from.trim() === '') {
    throw new NotificationError('INVALID_OPTION', 'Expected a sender address (SMTP_FROM) for e-mail notifications, but got none.');
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transporter = createTransport(
    {
      url: options.url,
      ...(options.ignoreTLS === undefined ? {} : { ignoreTLS: options.ignoreTLS }),
      ...(options.requireTLS === undefined ? {} : { requireTLS: options.requireTLS }),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    },
    { from: options.from },
  );
  return {
    async send(message: OutgoingMessage): Promise<void> {
      try {
        await transporter.sendMail({
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          ...(options.textEncoding === undefined ? {} : { textEncoding: options.textEncoding }),
        });
      } catch (error) {
        throw sendFailure(server, error);
      }
    },
    close(): void {
      transporter.close();
    },
  };
}

// Only host and port: the URL may carry the password.
function describeServer(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NotificationError('INVALID_OPTION', 'Expected SMTP_URL to be a URL such as smtp://user:pass@host:587, but it does not parse.');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new NotificationError('INVALID_OPTION', `Expected SMTP_URL to start with smtp:// or smtps://, but it starts with ${parsed.protocol}//.`);
  }
  return parsed.host;
}

interface SmtpFailure {
  readonly message?: unknown;
  readonly responseCode?: unknown;
  readonly command?: unknown;
}

function sendFailure(server: string, error: unknown): NotificationError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const status = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  // A 5xx answer to RCPT TO means this mailbox will not take mail; anything else
  // (connection, authentication, a full queue) may pass on a later attempt.
  const rejectedRecipient = failure.command === 'RCPT TO' && status !== undefined && status >= 500;
  const reason = typeof failure.message === 'string' ? failure.message : String(error);
  return new NotificationError('SEND_FAILED', `Expected the SMTP server ${server} to accept the e-mail, but: ${reason}`, {
    cause: error,
    retryable: !rejectedRecipient,
    ...(status === undefined ? {} : { status }),
  });
}
