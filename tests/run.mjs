// `npm test`: the specs once on embedded PGlite, then again on the PostgreSQL server
// named by DATABASE_URL when there is one. Extra arguments go to mocha
// (`npm test -- --grep calendar`, or spec files to run instead of all of them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const reporter = join(root, 'tests', 'support', 'countingReporter.cjs');
const extraArgs = process.argv.slice(2);
// A path among the extra arguments replaces the default spec glob.
const specs = extraArgs.some((arg) => !arg.startsWith('-') && existsSync(resolve(root, arg))) ? [] : ['tests/**/*.spec.ts'];

const runs = [{ label: 'PGlite', testDb: 'pglite' }];
if (process.env.DATABASE_URL) runs.push({ label: 'PostgreSQL', testDb: 'pg' });

const countsDir = mkdtempSync(join(tmpdir(), 'motcua-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summaries = [];
let runFailed = false;

try {
  for (const { label, testDb } of runs) {
    console.log(`\n=== Tests on ${label} (TEST_DB=${testDb}) ===`);
    const countsFile = join(countsDir, `${testDb}.json`);
    const result = spawnSync(
      process.execPath,
      [mocha, '--import=tsx', '--timeout', '20000', '--exit', '--reporter', reporter, ...extraArgs, ...specs],
      { cwd: root, stdio: 'inherit', env: { ...process.env, TEST_DB: testDb, MOCHA_COUNTS_FILE: countsFile } },
    );
    const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : undefined;
    if (counts === undefined) {
      // Mocha stopped before its reporter finished (a spec that cannot load, a crash):
      // that run counts as one failure so the totals cannot look clean.
      runFailed = true;
      totals.failed += 1;
      summaries.push(`${label}: mocha exited with ${result.status ?? result.signal} before reporting; counted as 1 failed`);
      continue;
    }
    if (result.status !== 0 && counts.failed === 0) runFailed = true;
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    summaries.push(`${label}: ${formatCounts(counts)}${result.status !== 0 && counts.failed === 0 ? ` (mocha exited with ${result.status})` : ''}`);
  }
} finally {
  rmSync(countsDir, { recursive: true, force: true });
}

if (runs.length === 1) summaries.push('PostgreSQL: not run (set DATABASE_URL to include it)');
console.log('\n=== Summary ===');
for (const line of summaries) console.log(line);
if (totals.passed + totals.failed === 0) console.log('No test ran.');
console.log(formatCounts(totals));
process.exitCode = runFailed || totals.failed > 0 || totals.passed + totals.failed === 0 ? 1 : 0;

function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
