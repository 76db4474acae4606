import { pino, type Logger } from 'pino';

/**
 * JSON logs. Identity numbers, phones, e-mail addresses, passwords and session
 * cookies never reach a log line, wherever they sit in a logged object.
 */
export const REDACTED_PATHS = [
  'idNumber',
  'phone',
  'email',
  'password',
  '*.idNumber',
  '*.phone',
  '*.email',
  '*.password',
  '*.*.idNumber',
  '*.*.phone',
  '*.*.email',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'motcua' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[ẩn]' },
    },
    options.destination as never,
  );
}
