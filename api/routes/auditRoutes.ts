import { Router } from 'express';
import { verifyAuditChain } from '../audit/index.js';
import { requireUser } from '../auth/index.js';
import type { Services } from '../services.js';

/** Auditors and administrators check that the audit log has not been altered. */
export function auditRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/audit/verify', requireUser('auditor', 'admin'), async (_req, res) => {
    res.json(await verifyAuditChain(services.db));
  });
  return router;
}
