import { expect } from 'chai';
import type { Db } from '../../../engine/store/index.js';
import { enqueueNotification, NotificationError } from '../../../api/notifications/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { openOutboxDb, outboxRows } from './outboxDb.js';
import { anAcceptedNotice, APPOINTMENT, DOSSIER_CODE } from './notificationBuilders.js';

describe('notifications/enqueueNotification', function () {
  let db: Db;

  beforeEach(async function () {
    this.timeout(30_000);
    db = await openOutboxDb();
  });

  afterEach(async function () {
    await db?.close();
  });

  it('should write a pending row with the transaction that commits', async function () {
    // when
    await db.transaction((tx) => enqueueNotification(tx, anAcceptedNotice()));

    // then
    const rows = await outboxRows(db);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({
      channel: 'email',
      recipient: 'nguyen.van.an@example.vn',
      template: 'dossier-accepted',
      dossier_code: DOSSIER_CODE,
      status: 'pending',
      attempts: 0,
      last_error: null,
      sent_at: null,
    });
    expect(rows[0].next_attempt_at).to.equal(null);
    expect(rows[0].created_at).to.be.instanceOf(Date);
  });

  it('should NOT keep the row when the transaction rolls back', async function () {
    // when
    const failure = await rejectionOf(
      db.transaction(async (tx) => {
        await enqueueNotification(tx, anAcceptedNotice());
        throw new Error('status change refused');
      }),
    );

    // then
    expect(failure.message).to.equal('status change refused');
    expect(await outboxRows(db)).to.deep.equal([]);
  });

  it('should store the data as JSON, dates as ISO strings and the dossier code among them', async function () {
    // when
    await db.transaction((tx) => enqueueNotification(tx, anAcceptedNotice()));

    // then
    const [row] = await outboxRows(db);
    expect(row.data).to.deep.equal({ appointmentAt: APPOINTMENT.toISOString(), applicantName: 'Nguyễn Văn An', dossierCode: DOSSIER_CODE });
  });

  it("should keep the data's own dossier code over the column's", async function () {
    // when
    await enqueueNotification(db, anAcceptedNotice({ data: { appointmentAt: APPOINTMENT, dossierCode: 'H56-OTHER' } }));

    // then
    const [row] = await outboxRows(db);
    expect(row.data.dossierCode).to.equal('H56-OTHER');
    expect(row.dossier_code).to.equal(DOSSIER_CODE);
  });

  it('should refuse data the template cannot render, before writing anything', async function () {
    // when
    const failure = await rejectionOf(db.transaction((tx) => enqueueNotification(tx, anAcceptedNotice({ data: {} }))));

    // then
    expect(failure).to.be.instanceOf(NotificationError);
    expect(failure.code).to.equal('INVALID_DATA');
    expect(failure.message).to.include('data.appointmentAt');
    expect(await outboxRows(db)).to.deep.equal([]);
  });

  it('should refuse an empty recipient', async function () {
    // when
    const failure = await rejectionOf(enqueueNotification(db, anAcceptedNotice({ to: '  ' })));

    // then
    expect(failure.code).to.equal('INVALID_RECIPIENT');
  });

  it('should refuse an unknown channel', async function () {
    // when
    const failure = await rejectionOf(enqueueNotification(db, anAcceptedNotice({ channel: 'fax' as 'sms' })));

    // then
    expect(failure.code).to.equal('UNKNOWN_CHANNEL');
  });

  it('should have the database refuse a channel or status outside the lists', async function () {
    // when
    const badChannel = await rejectionOf(
      db.query("INSERT INTO notification_outbox (channel, recipient, template) VALUES ('fax', '0912345612', 'dossier-accepted')"),
    );
    const badStatus = await rejectionOf(
      db.query("INSERT INTO notification_outbox (channel, recipient, template, status) VALUES ('sms', '0912345612', 'dossier-accepted', 'lost')"),
    );

    // then
    expect(badChannel.message).to.match(/check constraint/);
    expect(badStatus.message).to.match(/check constraint/);
  });
});
