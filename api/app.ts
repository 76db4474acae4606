import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { authRouter, csrfProtection, sessionMiddleware } from './auth/index.js';
import { errorHandler, notFoundHandler } from './http/errorHandler.js';
import { openApiDocument } from './http/openapi.js';
import { requestLog } from './http/requestLog.js';
import { auditRoutes } from './routes/auditRoutes.js';
import { calendarRoutes } from './routes/calendarRoutes.js';
import { designerRoutes } from './routes/designerRoutes.js';
import { documentRoutes } from './routes/documentRoutes.js';
import { dossierRoutes } from './routes/dossierRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { procedureRoutes } from './routes/procedureRoutes.js';
import { publicRoutes } from './routes/publicRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { taskRoutes } from './routes/taskRoutes.js';
import type { Services } from './services.js';
import { assetRoutes } from './web/assets.js';
import { citizenRoutes } from './web/citizen/citizenRoutes.js';
import { dashboardRoutes } from './web/dashboard/index.js';
import { officerRoutes } from './web/officer/officerRoutes.js';
import { studioRoutes } from './web/studio/studioRoutes.js';
import { webRoutes } from './web/webRoutes.js';

/** The project's root: `designer/` sources the browser bundles. */
const root = fileURLToPath(new URL('..', import.meta.url));

/** The HTTP face of the application: JSON under /api, documents, health and metrics. */
export function createApp(services: Services): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(services.metrics.middleware());
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(sessionMiddleware(services.accounts));
  app.use(requestLog(services.logger));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  app.use(healthRoutes(services));
  app.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use(csrfProtection());
  app.use(authRouter(services.accounts, { secureCookies: services.config.secureCookies }));
  app.use(procedureRoutes(services));
  app.use(calendarRoutes(services));
  app.use(publicRoutes(services));
  app.use(dossierRoutes(services));
  app.use(taskRoutes(services));
  app.use(documentRoutes(services));
  app.use(auditRoutes(services));
  app.use(reportRoutes(services));
  app.use(assetRoutes(root, services.logger));
  app.use(designerRoutes(services));
  app.use(officerRoutes(services));
  app.use(dashboardRoutes(services));
  app.use(citizenRoutes(services));
  app.use(studioRoutes(services));
  app.use(webRoutes(services));
  app.use(notFoundHandler);
  app.use(errorHandler(services.logger));
  return app;
}
