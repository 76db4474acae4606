import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one service: process figures, HTTP traffic by route, and dossier activity. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly dossierActions = new Counter({
    name: 'motcua_dossier_actions_total',
    help: 'Dossier commands by action.',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'motcua_' });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.requests.startTimer();
      res.on('finish', () => {
        // The matched route pattern, not the URL, so dossier codes do not become label values.
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }
}
