import { ClusterSpec } from '../cluster';
import type { SimulatorOptions } from '../server';
import { K8sObject, Obj } from '../types';
import { generateCluster, GenerateOptions } from './generate';
import { installHarvester } from './index';
import { HARVESTER_TYPES } from './schemas';

const SERVER_VERSION = 'server-version';

/** The `server-version` setting carries the Harvester version the fleet declares for the cluster. */
export function withServerVersion(spec: ClusterSpec, objects: K8sObject[]): K8sObject[] {
  const version = spec.harvesterVersion;

  if (!version) {
    return objects;
  }
  const isVersion = (o: K8sObject) => o.kind === 'Setting' && o.apiVersion.startsWith('harvesterhci.io/') && o.metadata.name === SERVER_VERSION;
  const found = objects.some(isVersion);
  const out = objects.map((o) => (isVersion(o) && o.value !== version ? { ...o, value: version } : o));

  return found ? out : [...out, {
    apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: SERVER_VERSION }, value: version, default: ''
  }];
}

/** A scenario's `generate:` mapping, checked for the one required parameter. */
function generateOptions(params: Obj): GenerateOptions {
  if (typeof params.nodes !== 'number' || params.nodes < 1) {
    throw new Error('a scenario\'s generate.nodes must be a positive number');
  }

  return params as GenerateOptions & Obj;
}

/** What makes the generic simulator a Harvester fleet: its types, behaviour, scenario generator and version setting. */
export function harvesterOptions(stepMs: number): Pick<SimulatorOptions, 'clusterTypes' | 'install' | 'generate' | 'prepare'> {
  return {
    clusterTypes: HARVESTER_TYPES,
    install:      (store) => installHarvester(store, { stepMs }),
    generate:     (params) => generateCluster(generateOptions(params)),
    prepare:      withServerVersion,
  };
}
