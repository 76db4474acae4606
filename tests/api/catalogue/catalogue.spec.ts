import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Engine, type Db } from '../../../engine/index.js';
import { flattenAgencyTree, importProcedure, loadCatalogue, syncAgencies, type AgencyConfig } from '../../../api/catalogue/index.js';
import { AppError } from '../../../api/errors.js';
import { migrate, loadMigrations } from '../../../engine/index.js';
import { openTestDb } from '../../support/testDb.js';
import { rejectionOf } from '../../support/rejectionOf.js';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..', '..');

async function legacyTree(): Promise<AgencyConfig> {
  return JSON.parse(await readFile(join(here, 'legacy-agencies.json'), 'utf8')) as AgencyConfig;
}

describe('catalogue', () => {
  let db: Db;
  let engine: Engine;
  let folder: string;

  beforeEach(async () => {
    db = await openTestDb();
    engine = await Engine.create({ db });
    await migrate(db, await loadMigrations(join(root, 'api', 'store', 'migrations')));
    folder = join(await mkdtemp(join(tmpdir(), 'thu-tuc-')), 'khai-sinh');
    await cp(join(root, 'processes', 'khai-sinh'), folder, { recursive: true });
  });
  afterEach(async () => {
    await db.close();
    await rm(join(folder, '..'), { recursive: true, force: true });
  });

  describe('agency tree', () => {
    it('should load a legacy province → district → commune tree', async () => {
      // when
      await syncAgencies(db, await legacyTree());
      const catalogue = await loadCatalogue(db);

      // then
      expect(catalogue.agency('tp-tam-ky')?.level).to.equal('district');
      expect(catalogue.parentOf('p-an-my')?.id).to.equal('tp-tam-ky');
      expect(catalogue.subtree('tp-tam-ky')).to.have.members(['tp-tam-ky', 'p-an-my', 'ca-an-my', 'p-hoa-huong']);
    });

    it('should route a step to the nearest agency of its kind: own children first, then up the tree', async () => {
      // given
      await syncAgencies(db, await legacyTree());
      const catalogue = await loadCatalogue(db);

      // then
      expect(catalogue.resolveAgency('p-an-my', 'commune-police').id).to.equal('ca-an-my');
      expect(catalogue.resolveAgency('p-an-my', 'justice').id).to.equal('stp-qnam');
      expect(catalogue.resolveAgency('p-an-my', 'receiving').id).to.equal('p-an-my');
      expect(() => catalogue.resolveAgency('p-an-my', 'social-insurance')).to.throw(AppError, /social-insurance/);
    });

    it('should NOT load a tree with a duplicated unit code', async () => {
      // given
      const tree = await legacyTree();
      const broken = { ...tree, children: [...(tree.children ?? []), { ...tree.children![1]!, id: 'stp-copy' }] };

      // then
      expect(() => flattenAgencyTree(broken)).to.throw(/000\.02\.00\.H49/);
    });
  });

  describe('procedure versions', () => {
    it('should keep the version of an unchanged folder and give a changed one a new version', async () => {
      // when
      const first = await importProcedure(db, engine, folder);
      const again = await importProcedure(db, engine, folder);
      const metadata = JSON.parse(await readFile(join(folder, 'procedure.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(join(folder, 'procedure.json'), JSON.stringify({ ...metadata, limitText: 'Ngay trong ngày làm việc' }));
      const changed = await importProcedure(db, engine, folder);

      // then
      expect([first.version, first.isNew]).to.deep.equal([1, true]);
      expect([again.version, again.isNew]).to.deep.equal([1, false]);
      expect([changed.version, changed.isNew]).to.deep.equal([2, true]);
      const catalogue = await loadCatalogue(db);
      expect(catalogue.requireProcedure('khai-sinh').version).to.equal(2);
      expect(catalogue.procedureVersion('khai-sinh', 1).metadata.limitText).to.not.equal('Ngay trong ngày làm việc');
    });

    it('should keep a running instance on the model of its version after a changed model is imported', async () => {
      // given
      await importProcedure(db, engine, folder);
      const v1 = (await loadCatalogue(db)).requireProcedure('khai-sinh');
      const started = await engine.createInstance(v1.processId, { dossierCode: 'X-1' }, { processKey: v1.processKey });
      const xml = await readFile(join(folder, 'process.bpmn'), 'utf8');
      await writeFile(join(folder, 'process.bpmn'), xml.replace(/name="([^"]*)"/, 'name="$1 (sửa đổi)"'));

      // when
      await importProcedure(db, engine, folder);
      const v2 = (await loadCatalogue(db)).requireProcedure('khai-sinh');

      // then
      expect(v2.version).to.equal(2);
      expect(v2.processKey).to.not.equal(v1.processKey);
      expect((await engine.getInstance(started.instanceKey))?.processKey).to.equal(v1.processKey);
    });

    it('should reject a model the engine cannot run, naming the element', async () => {
      // given
      const xml = await readFile(join(folder, 'process.bpmn'), 'utf8');
      await writeFile(join(folder, 'process.bpmn'), xml.replace(/targetRef="[^"]+"/, 'targetRef="khong-ton-tai"'));

      // when
      const error = await rejectionOf(importProcedure(db, engine, folder));

      // then
      expect(error).to.be.instanceOf(AppError);
      expect((error as AppError).code).to.equal('VALIDATION_FAILED');
      expect((error as AppError).fields?.length).to.be.greaterThan(0);
    });
  });
});
