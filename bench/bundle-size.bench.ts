/**
 * Size of the package Rancher loads: every chunk raw and gzipped with the modules that dominate it, then the
 * budget (entry chunk, total, no host library bundled) as PASS/FAIL lines. A failed check sets a non-zero
 * exit code so the budget can gate a build; the other benchmarks still run.
 * Run: npx tsx bench/bundle-size.bench.ts
 */
import { relative } from 'node:path';
import {
  checkBudget, defaultBudget, kib, packageOf, shortPath, topModules
} from './bundle-budget';
import {
  buildPackage, distDir, PKG_NAME, pkgVersion, readChunks, ROOT, staleReason
} from './bundle-report';

/** Printed figures are the point of this script. */
const print = (line: string) => process.stdout.write(`${ line }\n`);

const TOP = 3;

function main(): void {
  const version = pkgVersion();
  const reason = staleReason(version);

  if (reason) {
    print(`bundle size: building the package (${ reason })...`);
    buildPackage();
  }

  const dir = distDir(version);
  const budget = defaultBudget(PKG_NAME, version);
  const chunks = readChunks(dir).sort((a, b) => b.gzip - a.gzip);

  print(`bundle size: ${ relative(ROOT, dir) }/`);
  for (const chunk of chunks) {
    const tag = chunk.file === budget.entryFile ? ' (entry)' : '';

    print(`  ${ chunk.file }${ tag }: ${ chunk.raw } B raw (${ kib(chunk.raw) }), ${ chunk.gzip } B gzipped (${ kib(chunk.gzip) })`);
    for (const mod of topModules(chunk, TOP)) {
      const pkg = packageOf(mod.path);
      // Modules are gzipped one by one by the analyzer, so their share is taken on minified bytes.
      const share = chunk.raw ? Math.round((100 * mod.parsed) / chunk.raw) : 0;

      print(`      ${ kib(mod.parsed) } min (${ share }%), ${ kib(mod.gzip) } gz  ${ shortPath(mod.path) }${ pkg ? `  [${ pkg }]` : '' }`);
    }
  }

  const results = checkBudget(chunks, budget);

  for (const r of results) {
    print(`${ r.pass ? 'PASS' : 'FAIL' } ${ r.label }: ${ r.detail }`);
  }
  if (results.some((r) => !r.pass)) {
    process.exitCode = 1;
  }
}

try {
  main();
} catch (e) {
  // A broken build is a budget failure, not a reason to skip the benchmarks that follow.
  print(`FAIL bundle size: ${ e instanceof Error ? e.message : String(e) }`);
  process.exitCode = 1;
}
