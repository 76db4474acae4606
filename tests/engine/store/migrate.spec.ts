import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db, Migration } from '../../../engine/store/index.js';
import { loadMigrations, migrate, MigrationError } from '../../../engine/store/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { openTestDb } from '../../support/testDb.js';

const CREATE_DOSSIER: Migration = {
  id: '001_dossier',
  sql: 'CREATE TABLE dossier (id text PRIMARY KEY);\nCREATE INDEX dossier_id ON dossier (id);',
};
const ADD_STATUS: Migration = { id: '002_status', sql: 'ALTER TABLE dossier ADD COLUMN status int NOT NULL DEFAULT 1' };
const BROKEN: Migration = { id: '003_broken', sql: 'CREATE TABLE half (id int); SELECT * FROM missing_table' };

describe('store/migrate', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    db = await openTestDb();
  });

  after(async function () {
    await db?.close();
  });

  afterEach(async function () {
    await db.query('DROP TABLE IF EXISTS dossier, half, schema_migrations');
  });

  async function recorded(): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    return rows.map((row) => row.id);
  }

  async function tableExists(name: string): Promise<boolean> {
    const { rows } = await db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
    return rows[0].found;
  }

  it('should apply the migrations in order and record them', async function () {
    // when
    const applied = await migrate(db, [CREATE_DOSSIER, ADD_STATUS]);

    // then
    expect(applied).to.deep.equal(['001_dossier', '002_status']);
    expect(await recorded()).to.deep.equal(['001_dossier', '002_status']);
    await db.query("INSERT INTO dossier (id) VALUES ('H1')");
    const { rows } = await db.query('SELECT status FROM dossier');
    expect(rows).to.deep.equal([{ status: 1 }]);
  });

  it('should record when each migration was applied', async function () {
    await migrate(db, [CREATE_DOSSIER]);

    const { rows } = await db.query<{ applied_at: unknown }>('SELECT applied_at FROM schema_migrations');
    expect(rows[0].applied_at).to.be.instanceOf(Date);
  });

  it('should apply nothing the second time', async function () {
    // given
    await migrate(db, [CREATE_DOSSIER, ADD_STATUS]);

    // when
    const applied = await migrate(db, [CREATE_DOSSIER, ADD_STATUS]);

    // then
    expect(applied).to.deep.equal([]);
  });

  it('should apply only the migrations added since the last run', async function () {
    // given
    await migrate(db, [CREATE_DOSSIER]);

    // when
    const applied = await migrate(db, [CREATE_DOSSIER, ADD_STATUS]);

    // then
    expect(applied).to.deep.equal(['002_status']);
  });

  it('should name the failed migration, roll back only that one, and stop there', async function () {
    // when
    const error = await rejectionOf(migrate(db, [CREATE_DOSSIER, BROKEN, ADD_STATUS]));

    // then
    expect(error).to.be.instanceOf(MigrationError);
    expect(error.code).to.equal('MIGRATION_FAILED');
    expect((error as MigrationError).migrationId).to.equal('003_broken');
    expect(error.message).to.match(/^Migration '003_broken' failed: .*missing_table/);
    expect(await recorded()).to.deep.equal(['001_dossier']);
    expect(await tableExists('half')).to.equal(false);
  });

  it('should refuse a list that names a migration twice', async function () {
    const error = await rejectionOf(migrate(db, [CREATE_DOSSIER, { ...ADD_STATUS, id: CREATE_DOSSIER.id }]));

    expect(error.code).to.equal('INVALID_MIGRATIONS');
  });

  it('should apply each migration once when several runners start together', async function () {
    // when
    const runs = await Promise.all([1, 2, 3].map(() => migrate(db, [CREATE_DOSSIER, ADD_STATUS])));

    // then
    expect(runs.flat().sort()).to.deep.equal(['001_dossier', '002_status']);
    expect(await recorded()).to.deep.equal(['001_dossier', '002_status']);
  });
});

describe('store/loadMigrations', function () {
  let dir: string;

  beforeEach(async function () {
    dir = await mkdtemp(join(tmpdir(), 'motcua-migrations-'));
  });

  afterEach(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  async function withFiles(files: Record<string, string>): Promise<string> {
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
    return dir;
  }

  it('should read NNN_name.sql files ordered by number, ignoring other files', async function () {
    // given
    await withFiles({
      '010_tasks.sql': 'SELECT 10',
      '002_dossier.sql': 'SELECT 2',
      '9_first.sql': 'SELECT 9',
      '.gitkeep': '',
      'README.md': '# notes',
    });

    // when
    const migrations = await loadMigrations(dir);

    // then
    expect(migrations).to.deep.equal([
      { id: '002_dossier', sql: 'SELECT 2' },
      { id: '9_first', sql: 'SELECT 9' },
      { id: '010_tasks', sql: 'SELECT 10' },
    ]);
  });

  it('should give no migrations for a folder without SQL files', async function () {
    await withFiles({ '.gitkeep': '' });

    expect(await loadMigrations(dir)).to.deep.equal([]);
  });

  it('should refuse a SQL file that is not named NNN_name.sql', async function () {
    // given
    await withFiles({ '001_ok.sql': 'SELECT 1', 'tasks.sql': 'SELECT 2' });

    // when
    const error = await rejectionOf(loadMigrations(dir));

    // then
    expect(error.code).to.equal('INVALID_MIGRATIONS');
    expect(error.message).to.contain('tasks.sql');
  });

  it('should refuse two files with the same number', async function () {
    // given
    await withFiles({ '001_a.sql': 'SELECT 1', '001_b.sql': 'SELECT 2' });

    // when
    const error = await rejectionOf(loadMigrations(dir));

    // then
    expect(error.code).to.equal('INVALID_MIGRATIONS');
    expect(error.message).to.contain('001_a.sql and 001_b.sql');
  });
});
