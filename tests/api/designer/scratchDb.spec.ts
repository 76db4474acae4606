import { expect } from 'chai';
import { withScratchDb } from '../../../api/designer/scratchDb.js';
import { AppError } from '../../../api/errors.js';

describe('designer test runs: the scratch database', function () {
  this.timeout(120_000);

  it('should give each run an empty schema of its own', async () => {
    // given
    await withScratchDb(10_000, async (db) => db.query('CREATE TABLE notes (text text)'));

    // when
    const tables = await withScratchDb(10_000, async (db) => db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`));

    // then
    expect(tables.rows[0]).to.deep.equal({ n: 0 });
  });

  it('should stop a run at its time limit with a Vietnamese 422, and serve the next run', async () => {
    // given: a run that never ends by itself
    const endless = async (db: Parameters<Parameters<typeof withScratchDb>[1]>[0]) => {
      for (;;) await db.query('SELECT 1');
    };

    // when
    const stopped = await withScratchDb(300, endless).then(
      () => undefined,
      (error: unknown) => error,
    );
    const next = await withScratchDb(10_000, async (db) => db.query<{ answer: number }>('SELECT 42 AS answer'));

    // then
    expect(stopped).to.be.instanceOf(AppError);
    expect((stopped as AppError).code).to.equal('VALIDATION_FAILED');
    expect((stopped as AppError).message).to.match(/^Chạy thử vượt quá/);
    expect(next.rows[0]!.answer).to.equal(42);
  });
});
