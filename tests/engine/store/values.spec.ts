import { expect } from 'chai';
import type { Db } from '../../../engine/store/index.js';
import { openTestDb } from '../../support/testDb.js';
import { expectedValueRow, insertValueRow, selectValueRow, VALUE_COLUMNS } from './valueRow.js';

describe('store values (the JS value of each column type)', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    db = await openTestDb();
    await insertValueRow(db);
  });

  after(async function () {
    await db?.close();
  });

  it('should return each type as the agreed JS value through a parameterised query', async function () {
    const { rows } = await db.query(`SELECT * FROM value_row WHERE i4 = $1`, [VALUE_COLUMNS.i4.value]);

    expect(rows[0]).to.deep.equal(expectedValueRow());
  });

  it('should return the same values from a query without parameters', async function () {
    expect(await selectValueRow(db)).to.deep.equal(expectedValueRow());
  });

  it('should return int8 as a string, exact beyond 2^53', async function () {
    const { rows } = await db.query<{ big: unknown }>('SELECT ($1::int8 + 1) AS big', ['9007199254740993']);

    expect(rows[0].big).to.equal('9007199254740994');
  });

  it('should return bytea as a Buffer', async function () {
    const { rows } = await db.query<{ bytes: unknown }>('SELECT $1::bytea AS bytes', [Buffer.from([0, 1, 254])]);

    expect(Buffer.isBuffer(rows[0].bytes)).to.equal(true);
    expect([...(rows[0].bytes as Buffer)]).to.deep.equal([0, 1, 254]);
  });

  it('should store a JSON array given as a JSON string in jsonb', async function () {
    const { rows } = await db.query<{ doc: unknown }>('SELECT $1::jsonb AS doc', [JSON.stringify([1, 'hai'])]);

    expect(rows[0].doc).to.deep.equal([1, 'hai']);
  });

  it('should work in UTC, whatever the server or machine zone', async function () {
    const { rows } = await db.query<{ zone: string; day: string }>(
      "SELECT current_setting('TimeZone') AS zone, ('2025-01-02T01:30:00+07:00'::timestamptz)::date AS day",
    );

    expect(rows[0]).to.deep.equal({ zone: 'UTC', day: '2025-01-01' });
  });
});
