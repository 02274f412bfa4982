import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { K8sObject, Obj } from './types';

export const SCENARIO_DIR = resolve(__dirname, '..', 'scenarios');

/** A scenario file: a Harvester cluster's objects, listed and/or generated from parameters. */
export interface Scenario {
  name: string;
  description?: string;
  /** Parameters for `generateCluster` (see harvester/), expanded before `objects`. */
  generate?: Obj;
  objects?: K8sObject[];
}

/** Loads `harvester-sim/scenarios/<name>.yaml` (or `.json`), or a path to such a file. */
export function loadScenario(nameOrPath: string): Scenario {
  const candidates = [nameOrPath, join(SCENARIO_DIR, `${ nameOrPath }.yaml`), join(SCENARIO_DIR, `${ nameOrPath }.json`)];
  const file = candidates.find((c) => existsSync(c) && c.match(/\.(ya?ml|json)$/));

  if (!file) {
    throw new Error(`scenario "${ nameOrPath }" not found in ${ SCENARIO_DIR }`);
  }
  const text = readFileSync(file, 'utf8');
  const cached = parsedScenarios.get(file);
  // A fleet of 1,000 clusters loads a handful of scenarios a thousand times: parsing YAML once per text, not
  // per cluster, takes its load from ~11 s to about what fleet-50 takes. Each caller gets its own copy.
  const parsed = cached?.text === text ? cached.scenario : parse(text) as Scenario;

  if (!parsed || typeof parsed !== 'object') {
    throw new Error(`scenario file ${ file } is not a mapping`);
  }
  parsedScenarios.set(file, { text, scenario: parsed });

  return { ...structuredClone(parsed), name: parsed.name ?? nameOrPath };
}

const parsedScenarios = new Map<string, { text: string; scenario: Scenario }>();
