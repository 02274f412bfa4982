import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ClusterSpec } from './cluster';
import { SCENARIO_DIR } from './scenario';

export const FLEET_DIR = join(SCENARIO_DIR, 'fleets');
export const DEFAULT_FLEET = 'default';

/** The Rancher side of a fleet: the `local` k3s cluster every Rancher has. */
const LOCAL: ClusterSpec = {
  id: 'local', name: 'local', provider: 'k3s', connected: true, members: []
};

/** A fleet: which downstream clusters Rancher manages, each with its own cluster scenario. */
export interface Fleet {
  name: string;
  description?: string;
  /** The cluster `/sim/...?cluster=` defaults to and `--scenario` loads into. */
  primary: string;
  /** `local` first, then the Harvester clusters in file order. */
  clusters: ClusterSpec[];
}

/** One entry of a fleet file; with `count`, `{n}` in id and name is replaced by `from`, `from + 1`, ... */
interface FleetEntry {
  id: string;
  name?: string;
  scenario?: string;
  harvesterVersion?: string;
  connected?: boolean;
  members?: string[];
  answers?: 'hang' | 'fail';
  count?: number;
  from?: number;
}

interface FleetFile {
  name?: string;
  description?: string;
  primary?: string;
  clusters?: FleetEntry[];
}

function expand(entry: FleetEntry): ClusterSpec[] {
  const count = entry.count ?? 1;
  const from = entry.from ?? 1;

  return Array.from({ length: count }, (_, i) => {
    const fill = (text: string) => (entry.count === undefined ? text : text.replaceAll('{n}', String(from + i)));

    return {
      id:               fill(entry.id),
      name:             fill(entry.name ?? entry.id),
      provider:         'harvester',
      scenario:         entry.scenario ?? 'default',
      harvesterVersion: entry.harvesterVersion ?? 'v1.8.0',
      connected:        entry.connected ?? true,
      members:          entry.members ?? [],
      ...(entry.answers ? { answers: entry.answers } : {}),
    };
  });
}

/** Loads `scenarios/fleets/<name>.yaml`, or a path to such a file. */
export function loadFleet(nameOrPath: string): Fleet {
  const file = [nameOrPath, join(FLEET_DIR, `${ nameOrPath }.yaml`)].find((c) => c.endsWith('.yaml') && existsSync(c));

  if (!file) {
    throw new Error(`fleet "${ nameOrPath }" not found in ${ FLEET_DIR }`);
  }
  const parsed = parse(readFileSync(file, 'utf8')) as FleetFile | null;
  const clusters = (parsed?.clusters ?? []).flatMap(expand);
  const ids = new Set<string>();

  for (const cluster of clusters) {
    if (ids.has(cluster.id) || cluster.id === LOCAL.id) {
      throw new Error(`fleet ${ file }: cluster id ${ cluster.id } is used twice`);
    }
    ids.add(cluster.id);
  }
  const primary = parsed?.primary ?? clusters[0]?.id;

  if (!primary || !ids.has(primary)) {
    throw new Error(`fleet ${ file }: the primary cluster ${ primary ?? '(none)' } is not in the fleet`);
  }

  return {
    name: parsed?.name ?? nameOrPath, description: parsed?.description, primary, clusters: [LOCAL, ...clusters]
  };
}

/** The fleet with `scenario` loaded into the cluster `target` (default: the primary one). */
export function withScenario(fleet: Fleet, scenario: string | undefined, target = fleet.primary): Fleet {
  if (!scenario) {
    return fleet;
  }
  if (!fleet.clusters.some((c) => c.id === target && c.provider === 'harvester')) {
    throw new Error(`cluster ${ target } is not a Harvester cluster of fleet ${ fleet.name }`);
  }

  return { ...fleet, clusters: fleet.clusters.map((c) => (c.id === target ? { ...c, scenario } : c)) };
}
