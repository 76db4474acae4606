export { appendAudit, type AuditEntryInput } from './appendAudit.js';
export type { AuditEntry } from './AuditEntry.js';
export { AuditError, type AuditErrorCode } from './AuditError.js';
export { auditHash, GENESIS_HASH, type AuditHashedFields } from './auditHash.js';
export { canonicalJson } from './canonicalJson.js';
export { citizenActor } from './citizenActor.js';
export { readAudit } from './readAudit.js';
export { verifyAuditChain, type AuditChainReport, type VerifyAuditChainOptions } from './verifyAuditChain.js';
