// A second host shell for the production-mode tests: `node scripts/host-shell.mjs <version>` installs
// @rancher/shell <version> from the npm registry into `.hosts/shell-<version>/`, an empty dashboard with no
// packages of its own, so our extension can reach it only the way Rancher delivers it (the built package,
// listed at /v1/uiplugins). Installs once; later runs reuse the folder. Prints the folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const version = process.argv[2];

if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) {
  console.error('usage: node scripts/host-shell.mjs <shell version, e.g. 3.0.5>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.hosts', `shell-${ version }`);
const installed = join(dir, 'node_modules', '@rancher', 'shell', 'package.json');

/** The host's dev server serves the dashboard as ours does, like Rancher (`scripts/rancher-dev-server.cjs`). */
function writeVueConfig() {
  writeFileSync(join(dir, 'vue.config.js'), `module.exports = require(${ JSON.stringify(join(root, 'scripts', 'rancher-dev-server.cjs')) })(require('@rancher/shell/vue.config')(__dirname, { excludes: [] }));\n`);
}

if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === version) {
  writeVueConfig();
  console.log(dir);
  process.exit(0);
}
mkdirSync(dir, { recursive: true });
const ourPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

writeFileSync(join(dir, 'package.json'), `${ JSON.stringify({
  name:         `host-shell-${ version }`,
  private:      true,
  dependencies: { '@rancher/shell': version },
  // The registry has only some @rancher/icons releases: the same pin as ours.
  overrides:    ourPackage.overrides,
  // None of these install scripts is needed: a banner (core-js), a binary download this network refuses (cypress),
  // a no-op (yarn) and a build from source only on request (@parcel/watcher). Recorded, so npm prints no warning.
  allowScripts: {
    'core-js': false, cypress: false, yarn: false, '@parcel/watcher': false
  },
}, null, 2) }\n`);
writeFileSync(join(dir, '.npmrc'), 'legacy-peer-deps=true\n');
writeFileSync(join(dir, 'babel.config.js'), "module.exports = require('@rancher/shell/babel.config.js');\n");
writeVueConfig();
mkdirSync(join(dir, 'pkg'), { recursive: true });

// A dependency of older shells downloads a Cypress binary on install, which this network does not allow.
const { status } = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
  cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CYPRESS_INSTALL_BINARY: '0' }
});

if (status !== 0) {
  console.error(`npm install of @rancher/shell ${ version } failed (exit ${ status })`);
  process.exit(status ?? 1);
}
console.log(dir);
