import { expect } from 'chai';
import { appendAudit, auditHash, GENESIS_HASH, readAudit, verifyAuditChain } from '../../../api/audit/index.js';
import type { Db } from '../../../engine/store/index.js';
import { anEntry, emptyAuditLog, openAuditDbs } from './auditFixtures.js';

describe('api/audit verifyAuditChain', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    [db] = await openAuditDbs(1);
  });

  after(async function () {
    await db?.close();
  });

  beforeEach(async function () {
    await emptyAuditLog(db);
    await db.transaction(async (tx) => {
      for (let n = 1; n <= 30; n++) await appendAudit(tx, anEntry(n));
    });
  });

  async function seqOf(entityId: string): Promise<number> {
    const { rows } = await db.query<{ seq: string }>('SELECT seq FROM audit_log WHERE entity_id = $1', [entityId]);
    return Number(rows[0].seq);
  }

  // As a superuser could: switch the append-only guard off, change, switch it back on.
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    try {
      await db.query(sql, params);
    } finally {
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER ALL');
    }
  }

  it('should report the genesis hash for an empty log', async function () {
    // given
    await emptyAuditLog(db);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).to.deep.equal({ ok: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it('should find an edited entry at its seq', async function () {
    // given
    const seq = await seqOf('dossier-17');
    await tamper(`UPDATE audit_log SET after = '{"status": 10}' WHERE seq = $1`, [seq]);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).to.include({ ok: false, brokenAt: seq });
    expect(report).to.have.property('reason').that.matches(/contents were changed/);
  });

  it('should find an edited actor at its seq', async function () {
    // given
    const seq = await seqOf('dossier-5');
    await tamper('UPDATE audit_log SET actor = $2 WHERE seq = $1', [seq, 'nguoi.khac']);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).to.include({ ok: false, brokenAt: seq });
  });

  it('should find a removed entry at the entry after it', async function () {
    // given
    const removed = await seqOf('dossier-9');
    await tamper('DELETE FROM audit_log WHERE seq = $1', [removed]);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).to.include({ ok: false, brokenAt: await seqOf('dossier-10') });
    expect(report).to.have.property('reason').that.matches(/removed or changed/);
  });

  it('should find an entry edited and re-hashed at the entry after it', async function () {
    // given: someone who knows the hashing recomputes the edited entry's hash
    const [entry] = await readAudit(db, anEntry(12).dossierCode as string);
    const edited = { ...entry, actor: 'nguoi.khac' };
    await tamper('UPDATE audit_log SET actor = $2, hash = $3 WHERE seq = $1', [entry.seq, edited.actor, auditHash(entry.prevHash, edited)]);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).to.include({ ok: false, brokenAt: await seqOf('dossier-13') });
  });

  it('should find an entry whose stored hash was replaced at its seq', async function () {
    // given
    const seq = await seqOf('dossier-12');
    await tamper('UPDATE audit_log SET hash = $2 WHERE seq = $1', [seq, 'f'.repeat(64)]);

    // when
    const report = await verifyAuditChain(db);

    // then
    expect(report).to.include({ ok: false, brokenAt: seq });
  });

  it('should read in pages without losing the link between them', async function () {
    // when
    const report = await verifyAuditChain(db, { pageSize: 7 });

    // then
    expect(report).to.include({ ok: true, entries: 30 });
  });

  it('should check from a given seq, linking it to the entry before', async function () {
    // given
    const from = await seqOf('dossier-21');

    // when
    const report = await verifyAuditChain(db, { fromSeq: from, pageSize: 4 });

    // then
    expect(report).to.include({ ok: true, entries: 10 });
  });

  it('should stop after limit entries', async function () {
    // when
    const report = await verifyAuditChain(db, { limit: 12, pageSize: 5 });

    // then
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE entity_id = $1', ['dossier-12']);
    expect(report).to.deep.equal({ ok: true, entries: 12, lastHash: rows[0].hash });
  });

  it('should NOT look at entries beyond the limit', async function () {
    // given
    await tamper('UPDATE audit_log SET actor = $2 WHERE seq = $1', [await seqOf('dossier-20'), 'nguoi.khac']);

    // when
    const report = await verifyAuditChain(db, { limit: 19 });

    // then
    expect(report).to.include({ ok: true, entries: 19 });
  });
});
