import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ModelRejected, ScenarioError, simulate, type Scenario } from './Simulation.js';

/**
 * npm run simulate -- <model.bpmn> [more.bpmn ...] --scenario <scenario.json>
 *
 * Prints the trace as JSON on stdout. Exit codes: 0 every expectation held,
 * 1 one did not, 2 a model was rejected or the input could not be read.
 */

const USAGE = 'Usage: npm run simulate -- <model.bpmn> [more.bpmn ...] --scenario <scenario.json>';

async function main(argv: readonly string[]): Promise<number> {
  const models: string[] = [];
  let scenarioPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--scenario') scenarioPath = argv[++i];
    else if (arg.startsWith('--scenario=')) scenarioPath = arg.slice('--scenario='.length);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else models.push(arg);
  }
  if (!models.length || !scenarioPath) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let scenario: Scenario;
  try {
    scenario = JSON.parse(await readFile(scenarioPath, 'utf8')) as Scenario;
  } catch (error) {
    process.stderr.write(`Cannot read the scenario '${scenarioPath}': ${(error as Error).message}\n`);
    return 2;
  }
  const resources: { name: string; xml: string }[] = [];
  for (const path of models) {
    try {
      resources.push({ name: basename(path), xml: await readFile(path, 'utf8') });
    } catch (error) {
      process.stderr.write(`Cannot read the model '${path}': ${(error as Error).message}\n`);
      return 2;
    }
  }
  try {
    const trace = await simulate(resources, scenario);
    process.stdout.write(`${JSON.stringify(trace, null, 2)}\n`);
    for (const failure of trace.failures) process.stderr.write(`Step ${failure.step}: ${failure.message}\n`);
    return trace.failures.length ? 1 : 0;
  } catch (error) {
    if (error instanceof ModelRejected || error instanceof ScenarioError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
