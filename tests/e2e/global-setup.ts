import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BUILT_PACKAGE } from '../../playwright.config';

/** Makes sure the built package is there in production mode, and that Debian's Chromium is there: installs it when missing and running as root, otherwise says how. */
export default function globalSetup(): void {
  if (process.env.E2E_MODE === 'production' && !existsSync(BUILT_PACKAGE)) {
    throw new Error(`Production mode loads the built package, and ${ BUILT_PACKAGE } is missing: run \`npm run build-pkg harvester-vm-migration-network\` first.`);
  }
  if (existsSync('/usr/bin/chromium')) {
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error('End-to-end tests need Debian\'s Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium` and try again.');
  }
  // eslint-disable-next-line no-console
  console.log('Installing Debian\'s chromium package for the end-to-end tests...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
