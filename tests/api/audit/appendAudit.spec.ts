import { expect } from 'chai';
import { appendAudit, GENESIS_HASH, verifyAuditChain } from '../../../api/audit/index.js';
import type { Db } from '../../../engine/store/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { anEntry, emptyAuditLog, openAuditDbs } from './auditFixtures.js';

describe('api/audit appendAudit', function () {
  let dbs: Db[];
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    dbs = await openAuditDbs(5);
    db = dbs[0];
  });

  after(async function () {
    await db?.close();
  });

  beforeEach(async function () {
    await emptyAuditLog(db);
  });

  it('should link the first entry to the genesis hash', async function () {
    // when
    await db.transaction((tx) => appendAudit(tx, anEntry(1)));

    // then
    const { rows } = await db.query<{ prev_hash: string; hash: string }>('SELECT prev_hash, hash FROM audit_log');
    expect(rows).to.have.length(1);
    expect(rows[0].prev_hash).to.equal(GENESIS_HASH);
    expect(rows[0].hash).to.match(/^[0-9a-f]{64}$/);
  });

  it('should build a chain of 50 entries that verifies', async function () {
    // given
    for (let n = 1; n <= 50; n++) await db.transaction((tx) => appendAudit(tx, anEntry(n)));

    // when
    const report = await verifyAuditChain(db);

    // then
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(report).to.deep.equal({ ok: true, entries: 50, lastHash: rows[0].hash });
  });

  it('should store before and after as the JSON they were given', async function () {
    // when
    await db.transaction((tx) =>
      appendAudit(tx, anEntry(1, { before: undefined, after: { status: 4, list: [1, 'hai', null], at: new Date('2025-03-04T00:00:00Z') } })),
    );

    // then
    const { rows } = await db.query('SELECT before, after FROM audit_log');
    expect(rows).to.deep.equal([{ before: null, after: { status: 4, list: [1, 'hai', null], at: '2025-03-04T00:00:00.000Z' } }]);
  });

  it('should append several entries in one transaction', async function () {
    // when
    await db.transaction(async (tx) => {
      await appendAudit(tx, anEntry(1));
      await appendAudit(tx, anEntry(2));
      await appendAudit(tx, anEntry(3));
    });

    // then
    expect(await verifyAuditChain(db)).to.include({ ok: true, entries: 3 });
  });

  it('should leave no entry behind when the transaction rolls back', async function () {
    // given
    await db.transaction((tx) => appendAudit(tx, anEntry(1)));

    // when
    await rejectionOf(
      db.transaction(async (tx) => {
        await appendAudit(tx, anEntry(2));
        throw new Error('the change failed');
      }),
    );
    await db.transaction((tx) => appendAudit(tx, anEntry(3)));

    // then
    const { rows } = await db.query<{ entity_id: string }>('SELECT entity_id FROM audit_log ORDER BY seq');
    expect(rows.map((row) => row.entity_id)).to.deep.equal(['dossier-1', 'dossier-3']);
    expect(await verifyAuditChain(db)).to.include({ ok: true, entries: 2 });
  });

  it('should throw outside a transaction', async function () {
    // when
    const error = await rejectionOf(appendAudit(db, anEntry(1)));

    // then
    expect(error).to.include({ name: 'AuditError', code: 'NOT_IN_TRANSACTION' });
    const { rows } = await db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(rows).to.deep.equal([{ n: 0 }]);
  });

  it('should refuse a REPEATABLE READ transaction, whose snapshot could miss the tail', async function () {
    // when
    const error = await rejectionOf(
      db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        await appendAudit(tx, anEntry(1));
      }),
    );

    // then
    expect(error).to.include({ code: 'UNSUPPORTED_ISOLATION' });
  });

  for (const [field, value] of [
    ['actor', ''],
    ['action', undefined],
    ['entityType', 42],
    ['at', new Date(Number.NaN)],
    ['dossierCode', ''],
  ] as const) {
    it(`should refuse an entry whose ${field} is ${String(value)}`, async function () {
      // when
      const error = await rejectionOf(db.transaction((tx) => appendAudit(tx, anEntry(1, { [field]: value }))));

      // then
      expect(error).to.include({ code: 'INVALID_ENTRY' });
    });
  }

  it('should keep one valid chain with 20 appenders in parallel transactions', async function () {
    // given: on a server, five pools of four connections; on PGlite one connection, queued
    const appenders = Array.from({ length: 20 }, (_, i) => dbs[i % dbs.length]);

    // when
    await Promise.all(
      appenders.map((handle, i) =>
        handle.transaction(async (tx) => {
          // Work before the append, so the transactions overlap while they race for the tail.
          await tx.query('SELECT pg_sleep(0.01)');
          await appendAudit(tx, anEntry(i + 1, { actor: `can.bo.${i}` }));
        }),
      ),
    );

    // then
    expect(await verifyAuditChain(db)).to.include({ ok: true, entries: 20 });
    const { rows } = await db.query<{ links: number }>('SELECT count(DISTINCT prev_hash)::int AS links FROM audit_log');
    expect(rows[0].links).to.equal(20);
  });
});
