import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMailMessage, type MailMessage } from './mimeMessage.js';

export interface ReceivedMail extends MailMessage {
  readonly envelopeTo: readonly string[];
  readonly envelopeFrom: string | undefined;
  readonly user: string | undefined;
}

export interface SmtpTestServer {
  /** `smtp://user:pass@127.0.0.1:<port>` when credentials were given. */
  readonly url: string;
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on an ephemeral local port, without TLS, keeping what it receives.
 * With `credentials`, AUTH is checked against them; recipients in `rejecting` get a 550.
 */
export async function startSmtpTestServer(options: { credentials?: { user: string; pass: string }; rejecting?: readonly string[] } = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const { credentials } = options;
      if (credentials && auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(address, _session, callback) {
      if (options.rejecting?.includes(address.address)) {
        const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          ...parseMailMessage(Buffer.concat(chunks).toString('latin1')),
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const auth = options.credentials ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.pass)}@` : '';
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
