import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

/**
 * A fixed-window limit per client address for public endpoints (look-up by code
 * and identity number must not become a way to guess dossiers). In memory: each
 * service process limits its own traffic.
 */
export function rateLimit(options: { windowMs: number; max: number; clock?: () => number }): RequestHandler {
  const clock = options.clock ?? Date.now;
  const hits = new Map<string, { count: number; resetAt: number }>();
  return (req, _res, next) => {
    const now = clock();
    const key = req.ip ?? 'unknown';
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
      entry = { count: 0, resetAt: now + options.windowMs };
      hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > options.max) {
      next(new AppError('RATE_LIMITED', `Quá nhiều yêu cầu; vui lòng thử lại sau ${Math.ceil((entry.resetAt - now) / 1000)} giây.`));
      return;
    }
    next();
  };
}
