import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgencyConfig, ProcedureMetadata } from '../../api/catalogue/types.js';
import { createFeel, parseBpmn, vietnamCalendar, type ExecutableProcess, type ParseResult, type TimeLimit } from '../../engine/index.js';
import { simulate, type Scenario } from '../../engine/simulation/Simulation.js';
import { openTestDb } from '../support/testDb.js';
import { duplicateComponentCodes, metadataProblems } from './metadataChecks.js';
import {
  agencyKindsOf,
  longestPathHours,
  refusalProblems,
  routingProblems,
  stepProblems,
  stepsOf,
  supplementProblems,
  timeShareHours,
  unsetResultProblems,
} from './procedureChecks.js';

const processesDir = fileURLToPath(new URL('../../processes/', import.meta.url));
const agencyKinds = agencyKindsOf(readJson(join(processesDir, 'agencies.json')) as AgencyConfig);
const feel = createFeel({ calendar: vietnamCalendar(), clock: () => new Date(0) });
const checkFeel = (source: string) => feel.check(source);

/** Every folder with a procedure.json is a catalogue entry; demo-dossier has none. */
const codes = readdirSync(processesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(processesDir, entry.name, 'procedure.json')))
  .map((entry) => entry.name)
  .sort();

describe('processes/: the shipped catalogue', () => {
  it('should ship every procedure listed in processes/README.md', () => {
    // given
    const listed = shippedInReadme();

    // then
    expect(listed).to.have.length(7);
    expect(codes).to.include.members(listed);
  });

  it('should give every procedure its own process id', () => {
    // given
    const processIds = codes.map((code) => (readJson(join(processesDir, code, 'procedure.json')) as ProcedureMetadata).processId);

    // then
    expect(new Set(processIds).size).to.equal(processIds.length);
  });

  for (const code of codes) describe(code, () => procedureSpecs(code));
});

function procedureSpecs(code: string): void {
  const folder = join(processesDir, code);
  const raw = readJson(join(folder, 'procedure.json'));
  const metadata = raw as ProcedureMetadata;
  const scenarioFiles = readdirSync(folder).filter((name) => /^scenario.*\.json$/.test(name)).sort();
  let parsed: ParseResult;
  let process: ExecutableProcess;

  before(async () => {
    parsed = await parseBpmn(readFileSync(join(folder, metadata.bpmn), 'utf8'), { checkFeel });
    process = parsed.ok ? parsed.processes.find((candidate) => candidate.id === metadata.processId)! : undefined!;
  });

  describe('procedure.json', () => {
    it('should have every field of ProcedureMetadata with the right type', () => {
      // when
      const problems = metadataProblems(raw, code);

      // then
      expect(problems).to.deep.equal([]);
    });

    it('should count its limit in a unit the working calendar knows', () => {
      // then
      expect(['workingDays', 'workingHours', 'calendarDays', 'sameDay']).to.include(metadata.limit.unit);
    });

    it('should be received at agency kinds whose desks receive dossiers', () => {
      // then
      expect(metadata.receivingAgencyKinds.filter((kind) => !agencyKinds.receiving.has(kind))).to.deep.equal([]);
    });

    it('should give every component a unique code', () => {
      // then
      expect(duplicateComponentCodes(metadata)).to.deep.equal([]);
    });
  });

  describe(metadata.bpmn, () => {
    it('should parse with the engine without problems', () => {
      // then
      expect(parsed.ok ? [] : parsed.problems).to.deep.equal([]);
    });

    it('should define the process named by processId', () => {
      // then
      expect(process?.id).to.equal(metadata.processId);
    });

    it('should give every step a step kind, a role among desk, specialist and leader, a step form, a known agency and a well-formed time share', () => {
      // when
      const problems = stepProblems(stepsOf(process), agencyKinds.all);

      // then
      expect(problems).to.deep.equal([]);
    });

    const limit = metadata.limit as TimeLimit | undefined;
    if (limit?.unit === 'workingDays' || limit?.unit === 'workingHours') {
      const limitHours = timeShareHours(`${limit.amount}${limit.unit === 'workingDays' ? 'd' : 'h'}`);

      it('should fit the time shares along the longest path into the working-time limit, and share it out to every step', () => {
        // when
        const longest = longestPathHours(process);

        // then
        expect(longest).to.be.greaterThan(0).and.at.most(limitHours);
        expect(stepsOf(process).filter((step) => step.timeShare === undefined).map((step) => step.id)).to.deep.equal([]);
      });
    }

    it('should route every outcome each step offers', () => {
      // when
      const problems = stepsOf(process).flatMap((step) => routingProblems(process, step));

      // then
      expect(problems).to.deep.equal([]);
    });

    it('should wait for the dossier-supplemented message keyed by dossierCode and go back to the step that asked', () => {
      // when
      const problems = stepsOf(process).flatMap((step) => supplementProblems(process, step));

      // then
      expect(problems).to.deep.equal([]);
    });

    it('should end a refusal at reception and send a later refusal or rejection to the return step with result "refused"', () => {
      // given
      const steps = stepsOf(process);

      // when
      const problems = steps.flatMap((step) => refusalProblems(process, step, steps));

      // then
      expect(problems).to.deep.equal([]);
    });

    it('should set the result before every return step', () => {
      // when
      const problems = unsetResultProblems(process, stepsOf(process));

      // then
      expect(problems).to.deep.equal([]);
    });
  });

  describe('scenarios', () => {
    it('should have a scenario', () => {
      // then
      expect(scenarioFiles).to.include('scenario.json');
    });

    for (const file of scenarioFiles) {
      it(`should run ${file} to completion with every expectation holding`, async () => {
        // given
        const scenario = readJson(join(folder, file)) as Scenario;
        const xml = readFileSync(join(folder, metadata.bpmn), 'utf8');
        const db = await openTestDb();

        try {
          // when
          const trace = await simulate([{ name: metadata.bpmn, xml }], scenario, { db });

          // then
          expect(trace.failures).to.deep.equal([]);
          expect(trace.incidents).to.deep.equal([]);
          expect(trace.state).to.equal('completed');
        } finally {
          await db.close();
        }
      });
    }
  });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The folder codes of the "Shipped procedures" table. */
function shippedInReadme(): string[] {
  const readme = readFileSync(join(processesDir, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Shipped procedures')) ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}
