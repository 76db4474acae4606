import { expect } from 'chai';
import { appendAudit } from '../../../api/audit/index.js';
import type { Db } from '../../../engine/store/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { anEntry, openAuditDbs } from './auditFixtures.js';

describe('api/audit audit_log (migration 104)', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    [db] = await openAuditDbs(1);
    await db.transaction((tx) => appendAudit(tx, anEntry(1)));
  });

  after(async function () {
    await db?.close();
  });

  it('should refuse an UPDATE', async function () {
    // when
    const error = await rejectionOf(db.query("UPDATE audit_log SET actor = 'nguoi.khac'"));

    // then
    expect(error.message).to.match(/audit_log is append-only: UPDATE refused/);
  });

  it('should refuse a DELETE', async function () {
    // when
    const error = await rejectionOf(db.query('DELETE FROM audit_log'));

    // then
    expect(error.message).to.match(/audit_log is append-only: DELETE refused/);
  });

  it('should refuse a TRUNCATE', async function () {
    // when
    const error = await rejectionOf(db.query('TRUNCATE audit_log'));

    // then
    expect(error.message).to.match(/audit_log is append-only: TRUNCATE refused/);
  });

  it('should keep the entry after the refusals', async function () {
    // when
    const { rows } = await db.query('SELECT actor FROM audit_log');

    // then
    expect(rows).to.deep.equal([{ actor: 'can.bo' }]);
  });
});
