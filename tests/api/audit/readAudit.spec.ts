import { expect } from 'chai';
import { appendAudit, readAudit } from '../../../api/audit/index.js';
import type { Db } from '../../../engine/store/index.js';
import { anEntry, openAuditDbs } from './auditFixtures.js';

describe('api/audit readAudit', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    [db] = await openAuditDbs(1);
    await db.transaction(async (tx) => {
      await appendAudit(tx, anEntry(1, { dossierCode: 'HS-A', action: 'dossier.received', before: null }));
      await appendAudit(tx, anEntry(2, { dossierCode: 'HS-B' }));
      await appendAudit(tx, anEntry(3, { dossierCode: 'HS-A', action: 'dossier.accepted', actor: 'system' }));
      await appendAudit(tx, anEntry(4, { dossierCode: null, entityType: 'user', entityId: 'u-1' }));
    });
  });

  after(async function () {
    await db?.close();
  });

  it("should give one dossier's entries, oldest first", async function () {
    // when
    const entries = await readAudit(db, 'HS-A');

    // then
    expect(entries.map((entry) => [entry.action, entry.actor])).to.deep.equal([
      ['dossier.received', 'can.bo'],
      ['dossier.accepted', 'system'],
    ]);
    expect(entries[0].seq).to.be.lessThan(entries[1].seq);
  });

  it('should give each entry with its contents and hashes', async function () {
    // when
    const [first, second] = await readAudit(db, 'HS-A');

    // then
    expect(first).to.deep.include({
      at: new Date('2025-03-03T02:00:01.000Z'),
      entityType: 'dossier',
      entityId: 'dossier-1',
      dossierCode: 'HS-A',
      before: null,
      after: { status: 4, note: 'bước 1', dueAt: '2025-03-04T02:00:00.000Z' },
    });
    expect(first.hash).to.match(/^[0-9a-f]{64}$/);
    expect(second.prevHash).not.to.equal(first.hash);
  });

  it('should give nothing for an unknown dossier', async function () {
    // when
    const entries = await readAudit(db, 'HS-Z');

    // then
    expect(entries).to.deep.equal([]);
  });
});
