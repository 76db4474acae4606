import { spawnSync } from 'node:child_process';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ModelRejected, simulate, type Scenario } from '../../../engine/simulation/Simulation.js';
import { openTestDb } from '../../support/testDb.js';
import type { Db } from '../../../engine/store/Db.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dossierPath = join(root, 'processes/demo-dossier/process.bpmn');
const scenarioPath = join(root, 'processes/demo-dossier/scenario.json');

describe('engine/simulation: test-running a procedure', () => {
  let db: Db;
  let dossier: string;
  before(async () => {
    dossier = await readFile(dossierPath, 'utf8');
  });
  beforeEach(async () => {
    db = await openTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  const run = (scenario: Scenario) => simulate([{ name: 'dossier.bpmn', xml: dossier }], scenario, { db });

  it('should run the dossier through Tết 2026 and report the path, tasks with due dates and the timer that fired', async () => {
    const trace = await run(JSON.parse(await readFile(scenarioPath, 'utf8')) as Scenario);
    expect(trace.failures).to.deep.equal([]);
    expect(trace.state).to.equal('completed');
    expect(trace.tasks.map((t) => [t.element, t.dueDate])).to.deep.equal([
      ['receive', '2026-02-23T10:00:00+07:00'],
      ['appraise', '2026-02-24T10:00:00+07:00'],
      ['approve', null],
      ['return', null],
    ]);
    expect(trace.timers).to.deep.equal([{ element: 'appraisalOverdue', dueAt: '2026-02-24T10:00:00+07:00', firedAt: '2026-02-24T10:00:00+07:00' }]);
    expect(trace.path.filter((p) => p.event === 'completed').map((p) => p.element)).to.deep.equal([
      'submitted', 'receive', 'appraisalOverdue', 'overdueNoted', 'appraise', 'eligible', 'approve', 'return', 'returned',
    ]);
  });

  it('should report an expectation that does not hold, with what was found instead', async () => {
    const trace = await run({
      process: 'dossier',
      start: { at: '2026-02-13T10:00:00+07:00' },
      steps: [{ complete: 'receive' }, { expect: { active: ['approve'], variables: { eligible: true } } }],
    });
    expect(trace.failures).to.have.length(1);
    expect(trace.failures[0]!.step).to.equal(1);
    expect(trace.failures[0]!.message).to.contain('expected active [approve], but active are [appraise]');
    expect(trace.failures[0]!.message).to.contain("expected variable 'eligible' = true, but it is not set");
  });

  it('should take the refusal path when the appraisal finds the dossier ineligible', async () => {
    const trace = await run({
      process: 'dossier',
      start: { at: '2026-03-02T08:00:00+07:00' },
      steps: [{ complete: 'receive' }, { complete: 'appraise', variables: { eligible: false } }, { expect: { active: ['refuse'] } }, { complete: 'refuse' }, { expect: { state: 'completed' } }],
    });
    expect(trace.failures).to.deep.equal([]);
    expect(trace.path.map((p) => p.element)).to.include('refused').and.not.include('approve');
  });

  it('should reject a model with its problems by element id', async () => {
    const broken = dossier.replace('<zeebe:userTask />', '<zeebe:userTask /><zeebe:calledDecision decisionId="d" resultVariable="r" />');
    const error = await simulate([{ name: 'broken.bpmn', xml: broken }], { process: 'dossier' }, { db }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ModelRejected);
    expect((error as ModelRejected).problems.some((p) => p.elementId === 'receive')).to.equal(true);
  });

  describe('npm run simulate', function () {
    this.timeout(60_000);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(root, 'engine/simulation/cli.ts'), ...args], { encoding: 'utf8', cwd: root });

    it('should print the trace as JSON and exit 0 when every expectation holds', () => {
      const result = cli(dossierPath, '--scenario', scenarioPath);
      expect(result.status, result.stderr).to.equal(0);
      expect(JSON.parse(result.stdout).state).to.equal('completed');
    });

    it('should exit 1 when an expectation fails, naming the step on stderr', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
      const path = join(dir, 'failing.json');
      await writeFile(path, JSON.stringify({ process: 'dossier', start: { at: '2026-02-13T10:00:00+07:00' }, steps: [{ expect: { state: 'completed' } }] }));
      const result = cli(dossierPath, '--scenario', path);
      expect(result.status).to.equal(1);
      expect(result.stderr).to.contain("Step 0: expected state 'completed', but it is 'active'");
    });

    it('should exit 2 with the reasons on stderr when a model is rejected', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
      const model = join(dir, 'broken.bpmn');
      await writeFile(model, dossier.replace('attachedToRef="appraise"', 'attachedToRef="nowhere"'));
      const result = cli(model, '--scenario', scenarioPath);
      expect(result.status).to.equal(2);
      expect(result.stderr).to.contain('appraisalOverdue');
      expect(result.stdout).to.equal('');
    });
  });
});
