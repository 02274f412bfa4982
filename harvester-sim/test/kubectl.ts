import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One kubectl binary the tests run, and its client version (`v1.20.2`). */
export interface Kubectl {
  path: string;
  version: string;
}

const TOOLS = resolve(__dirname, '..', '..', '.tools', 'kubectl-debian');
const DEBIAN_KUBECTL = join(TOOLS, 'usr', 'bin', 'kubectl');

function clientVersion(path: string): string {
  const out = execFileSync(path, ['version', '--client', '-o', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

  return String((JSON.parse(out) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion);
}

function run(command: string, cwd: string): boolean {
  try {
    execFileSync('sh', ['-c', command], { cwd, stdio: 'ignore' });

    return true;
  } catch {
    return false;
  }
}

/**
 * Debian's `kubernetes-client` (kubectl 1.20), unpacked into `.tools/` rather than installed, so it never conflicts
 * with a kubectl the machine already has. As root, the package lists are refreshed when the first download fails.
 */
function debianKubectl(): string {
  if (existsSync(DEBIAN_KUBECTL)) {
    return DEBIAN_KUBECTL;
  }
  mkdirSync(TOOLS, { recursive: true });
  const downloaded = run('apt-get download kubernetes-client', TOOLS) || (process.getuid?.() === 0 && run('apt-get update -qq && apt-get download kubernetes-client', TOOLS));
  const deb = readdirSync(TOOLS).find((f) => f.startsWith('kubernetes-client') && f.endsWith('.deb'));

  if (!downloaded || !deb || !run(`dpkg-deb -x '${ deb }' .`, TOOLS)) {
    throw new Error('The kubectl tests need Debian\'s kubernetes-client package: `apt-get download kubernetes-client` failed (run `sudo apt-get update` and try again).');
  }

  return DEBIAN_KUBECTL;
}

/** Debian's kubectl 1.20, and the machine's own kubectl when it is a newer one. */
export function kubectls(): Kubectl[] {
  const debian = { path: debianKubectl(), version: clientVersion(DEBIAN_KUBECTL) };
  const machine = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));

  if (!machine) {
    return [debian];
  }
  const version = clientVersion(machine);

  return version === debian.version ? [debian] : [debian, { path: machine, version }];
}
