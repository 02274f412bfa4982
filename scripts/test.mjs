// `npm test`: lint, type check, unit and simulator tests (vitest), end-to-end tests (Playwright);
// runs every step even after a failure, then prints one `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
const begun = Date.now();

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(name, command) {
  const started = Date.now();

  console.log(`\n=== ${ name }: ${ command }`);
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });

  console.log(`=== ${ name }: ${ status === 0 ? 'ok' : `failed (exit ${ status })` } in ${ ((Date.now() - started) / 1000).toFixed(1) } s`);

  return status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

let passed = 0;
let failed = 0;
/** Tests that did not run (skipped with a reason printed), and tests that failed first and passed on a retry. */
let skipped = 0;
let flaky = 0;
const check = (ok) => {
  ok ? passed++ : failed++;

  return ok;
};

check(run('lint', 'eslint --max-warnings 0 .'));
check(run('typecheck', 'vue-tsc --noEmit -p tsconfig.json'));
// The artifact Rancher users install: a compile error here is a broken product, so it fails the run.
check(run('build-pkg', 'npm run build-pkg harvester-vm-migration-network'));

const unitOk = run('unit', `vitest run --reporter=default --reporter=json --outputFile=${ results }/unit.json`);
const unit = readJson(`${ results }/unit.json`);

if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unitOk || unit.numFailedTests ? 0 : 1);
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  failed++;
}

/** Titles of the tests of a Playwright JSON report whose outcome was flaky. */
function flakyTitles(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'flaky') {
          out.push([...path, spec.title].join(' › '));
        }
      }
    }
    for (const child of suite.suites ?? []) {
      walk(child, [...path, child.title]);
    }
  };

  for (const suite of report.suites ?? []) {
    walk(suite, [suite.title]);
  }

  return out;
}

/** One Playwright run; its results land in test-results/e2e-<label>.json (see playwright.config.ts). */
function e2eRun(label, env = '') {
  const ok = run(`e2e ${ label }`, `${ env } E2E_LABEL=${ label } playwright test`.trim());
  const report = readJson(`${ results }/e2e-${ label }.json`);

  if (report) {
    passed += report.stats.expected;
    flaky += report.stats.flaky;
    skipped += report.stats.skipped;
    failed += report.stats.unexpected + (ok || report.stats.unexpected ? 0 : 1);
    for (const title of flakyTitles(report)) {
      console.log(`=== e2e ${ label }: flaky (failed, then passed on a retry): ${ title }`);
    }
  } else {
    failed++;
  }
}

// Dev mode: every spec, our package compiled into the shell.
e2eRun('dev');
// Production mode: the built package loaded at run time, on Rancher 2.15's shell (ours) and on Rancher 2.12's.
e2eRun('production-3.0.13', 'E2E_MODE=production E2E_RANCHER=2.15');
if (check(run('host shell 3.0.5', 'node scripts/host-shell.mjs 3.0.5'))) {
  e2eRun('production-3.0.5', 'E2E_MODE=production E2E_HOST=.hosts/shell-3.0.5 E2E_RANCHER=2.12');
}

console.log(`\nnpm test took ${ ((Date.now() - begun) / 1000).toFixed(0) } s`);
console.log(`${ passed } passed, ${ failed } failed, ${ skipped } skipped, ${ flaky } flaky (passed on a retry)`);
process.exit(failed ? 1 : 0);
