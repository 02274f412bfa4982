import { ObjectStore } from './store';
import { K8sObject } from './types';
import { USERS } from './auth';
import { Cluster } from './cluster';
import { rancherDialect } from './rancher-version';

const CREATED = '2026-03-01T08:00:00Z';

/** Rancher management settings the shell reads at boot; `public` ones are served before login too. */
const SETTINGS: [string, string, boolean][] = [
  ['server-version', 'v2.15.0', true],
  ['first-login', 'false', true],
  ['eula-agreed', '2026-03-01T08:00:00.000Z', false],
  ['telemetry-opt', 'out', false],
  ['server-url', 'https://localhost:8005', false],
  ['ui-pl', 'rancher', true],
  ['ui-brand', '', true],
  ['ui-banners', '{}', true],
  ['ui-custom-links', '{}', false],
  ['ui-community-links', 'true', false],
  ['ui-content-enabled', 'false', false],
  ['ui-default-landing', 'vue', true],
  // Unset, as Rancher has it: the shell parses a non-empty value, and `{}` lacks the keys its lists read.
  ['ui-performance', '', false],
  ['system-namespaces', 'kube-system,cattle-system,harvester-system,longhorn-system', false],
  ['auth-user-session-ttl-minutes', '960', true],
  ['auth-user-session-idle-ttl-minutes', '960', true],
  ['hide-local-cluster', 'false', false],
  ['ui-issues', '', false],
];

/**
 * Rancher's feature flags the shell reads at boot, at their defaults: the SQL cache behind Steve's lists is on from
 * 2.12 (the 2.12 shell pages lists through it only when this flag is on).
 */
const FEATURES: [string, boolean, string][] = [
  ['ui-sql-cache', true, 'Improve performance in the UI by caching resources in a SQL database'],
  ['multi-cluster-management', true, 'Multi-cluster provisioning and management of Kubernetes clusters.'],
  ['harvester', true, 'Enable Harvester integration, with the ability to import and manage Harvester clusters'],
];

export const PUBLIC_SETTINGS = new Set(SETTINGS.filter(([, , isPublic]) => isPublic).map(([id]) => id));

/**
 * The `management.cattle.io.cluster` Rancher keeps for a downstream cluster, generated from the registry: provider
 * label and status, `Ready`/`Connected` following the agent connection, and the node count of its store.
 */
export function managementCluster(cluster: Cluster): K8sObject {
  const harvester = cluster.isHarvester;
  const provider = harvester ? 'harvester' : 'k3s';
  const kubernetes = harvester ? 'v1.34.2+rke2r1' : 'v1.31.1+k3s1';
  const condition = (type: string, ok: boolean, message: string) => (ok ? {
    type, status: 'True', lastUpdateTime: CREATED
  } : {
    type, status: 'False', message, lastUpdateTime: CREATED
  });
  const disconnected = 'Cluster agent is not connected';
  const readiness = cluster.connected ? 'Cluster is being upgraded' : disconnected;

  return {
    apiVersion: 'management.cattle.io/v3',
    kind:       'Cluster',
    metadata:   {
      name:              cluster.id,
      creationTimestamp: CREATED,
      labels:            { 'provider.cattle.io': provider },
    },
    spec:   { displayName: cluster.spec.name, internal: !harvester },
    status: {
      provider,
      driver:      harvester ? 'harvester' : 'imported',
      conditions:  [condition('Ready', cluster.connected && cluster.ready, readiness), condition('Connected', cluster.connected, disconnected)],
      info:        { kubernetesVersion: kubernetes, arch: 'amd64' },
      version:     { gitVersion: kubernetes },
      allocatable: {
        cpu: '45', memory: '191547924Ki', pods: '600'
      },
      capacity: {
        cpu: '48', memory: '197547924Ki', pods: '600'
      },
      requested: {
        cpu: '12', memory: '40Gi', pods: '120'
      },
      nodeCount: harvester ? cluster.nodeCount() : 1,
    },
  };
}

/** The Rancher server's own objects: settings, users and namespaces (cluster objects come from the registry). */
export function seedManagement(store: ObjectStore, rancher = rancherDialect()): void {
  for (const [name, setting] of SETTINGS) {
    const value = name === 'server-version' ? rancher.serverVersion : setting;

    store.seed('management.cattle.io.setting', {
      apiVersion: 'management.cattle.io/v3',
      kind:       'Setting',
      metadata:   { name, creationTimestamp: CREATED },
      value,
      default:    value,
      customized: false,
      source:     '',
    });
  }
  for (const user of USERS) {
    store.seed('management.cattle.io.user', {
      apiVersion:         'management.cattle.io/v3',
      kind:               'User',
      metadata:           { name: user.id, creationTimestamp: CREATED },
      username:           user.username,
      displayName:        user.displayName,
      principalIds:       [`local://${ user.id }`],
      mustChangePassword: false,
    });
  }
  for (const [name, on, description] of FEATURES) {
    store.seed('management.cattle.io.feature', {
      apiVersion: 'management.cattle.io/v3',
      kind:       'Feature',
      metadata:   { name, creationTimestamp: CREATED },
      spec:       { value: null },
      status:     {
        default: on, dynamic: false, lockedValue: null, description
      },
    });
  }
  for (const ns of ['default', 'cattle-system', 'fleet-default', 'fleet-local']) {
    store.seed('namespace', {
      apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, creationTimestamp: CREATED }, status: { phase: 'Active' }
    });
  }
}
