/**
 * Reads the built package: every `.js` chunk with its raw and gzipped size, and the modules inside each
 * chunk from the bundle analyzer's data. Builds the package first when the build is missing or older than
 * the package sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ChunkSize, ModuleSize } from './bundle-budget';

export const ROOT = resolve(__dirname, '..');
export const PKG_NAME = 'harvester-vm-migration-network';
export const PKG_DIR = join(ROOT, 'pkg', PKG_NAME);

/** One node of the analyzer's chart data: a chunk, a folder or a module. */
interface AnalyzerNode {
  label: string;
  path?: string;
  parsedSize?: number;
  gzipSize?: number;
  groups?: AnalyzerNode[];
}

export function pkgVersion(): string {
  return (JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

export const distDir = (version: string): string => join(ROOT, 'dist-pkg', `${ PKG_NAME }-${ version }`);

/** The newest modification time of the package sources (the shell link and caches are not sources). */
function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    if (entry.name === 'node_modules' || entry.name === '.shell') {
      return newest;
    }
    const path = join(dir, entry.name);

    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Why the build must be (re)made, or undefined when it is up to date. */
export function staleReason(version: string): string | undefined {
  const entry = join(distDir(version), `${ PKG_NAME }-${ version }.umd.min.js`);

  if (!existsSync(entry)) {
    return 'no build';
  }

  return newestSource(PKG_DIR) > statSync(entry).mtimeMs ? 'sources are newer than the build' : undefined;
}

const ERROR_LINE = /\berror\s+in\b|\bTS\d{4}:|Module not found|SyntaxError/;
const ERROR_LINES = 20;

/** The compiler's error lines of a failed build; its log is mostly stack traces and analyzer noise. */
export function buildErrors(log: string): string {
  const lines = log.split('\n');
  const errors = lines.filter((line) => ERROR_LINE.test(line));

  return (errors.length ? errors : lines.filter((line) => line.trim())).slice(-ERROR_LINES).join('\n');
}

/** Runs the shell's package build; its long log is shown (shortened) only when it fails. */
export function buildPackage(): void {
  const run = spawnSync('npm', ['run', 'build-pkg', PKG_NAME], { cwd: ROOT, encoding: 'utf8' });

  if (run.status !== 0) {
    throw new Error(`npm run build-pkg ${ PKG_NAME } failed:\n${ buildErrors(`${ run.stdout }\n${ run.stderr }`) }`);
  }
}

/**
 * The analyzer's chart data: `report.json` (written by the package's vue.config.js), else the same array
 * embedded in `report.html` by the shell's own analyzer run.
 */
export function analyzerData(dir: string): AnalyzerNode[] {
  const json = join(dir, 'report.json');

  if (existsSync(json)) {
    return JSON.parse(readFileSync(json, 'utf8')) as AnalyzerNode[];
  }
  const html = join(dir, 'report.html');
  const match = existsSync(html) ? /window\.chartData = (\[.*?\]);\s*window\./s.exec(readFileSync(html, 'utf8')) : null;

  return match ? JSON.parse(match[1]) as AnalyzerNode[] : [];
}

function leaves(node: AnalyzerNode): ModuleSize[] {
  if (!node.groups?.length) {
    return [{
      path: node.path ?? node.label, parsed: node.parsedSize ?? 0, gzip: node.gzipSize ?? 0
    }];
  }

  return node.groups.flatMap(leaves);
}

/** Every `.js` chunk of the build (source maps excluded), sized from the file itself. */
export function readChunks(dir: string): ChunkSize[] {
  const data = analyzerData(dir);

  return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((file) => {
    const bytes = readFileSync(join(dir, file));
    const node = data.find((c) => c.label === file);

    return {
      file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, modules: node ? leaves(node) : []
    };
  });
}
