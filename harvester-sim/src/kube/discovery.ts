import { SteveApi } from '../api';
import { TypeDef } from '../schemas';
import { Obj } from '../types';
import { kubeTypes, shortNames, VERBS } from './catalogue';

/** The media type of aggregated discovery, which kubectl 1.26+ asks for first and the apiserver answers since 1.30. */
export const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregated(accept: string | undefined): boolean {
  return /g=apidiscovery\.k8s\.io;\s*v=v2;\s*as=APIGroupDiscoveryList/.test(accept ?? '');
}

/** Groups in the order the apiserver lists them: core first, then by name. */
function groups(api: SteveApi): Map<string, TypeDef[]> {
  const out = new Map<string, TypeDef[]>();

  for (const def of kubeTypes(api).sort((a, b) => a.group.localeCompare(b.group))) {
    out.set(def.group, [...(out.get(def.group) ?? []), def]);
  }

  return out;
}

function groupVersion(group: string, version: string): Obj {
  return { groupVersion: group ? `${ group }/${ version }` : version, version };
}

function apiGroup(group: string, defs: TypeDef[]): Obj {
  const version = defs[0].version;

  return {
    name: group, versions: [groupVersion(group, version)], preferredVersion: groupVersion(group, version)
  };
}

/** `/api`: the core group's versions. */
export function apiVersions(serverAddress: string): Obj {
  return {
    kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }]
  };
}

/** `/apis`: every named group. */
export function apiGroupList(api: SteveApi): Obj {
  return {
    kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups(api)].filter(([group]) => group).map(([group, defs]) => apiGroup(group, defs))
  };
}

/** `/apis/<group>`, or undefined when the group is not served. */
export function apiGroupOf(api: SteveApi, group: string): Obj | undefined {
  const defs = groups(api).get(group);

  return group && defs ? {
    kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, defs)
  } : undefined;
}

/** `/api/v1`, `/apis/<group>/<version>`: the resources of one group version, or undefined when it is not served. */
export function apiResourceList(api: SteveApi, group: string, version: string): Obj | undefined {
  const defs = kubeTypes(api).filter((t) => t.group === group && t.version === version);

  if (!defs.length) {
    return undefined;
  }

  return {
    kind:         'APIResourceList',
    apiVersion:   'v1',
    groupVersion: group ? `${ group }/${ version }` : version,
    resources:    defs.map((def) => ({
      name: def.resource, singularName: def.kind.toLowerCase(), namespaced: def.namespaced, kind: def.kind, verbs: VERBS, ...(shortNames(def).length ? { shortNames: shortNames(def) } : {})
    })),
  };
}

/** Aggregated discovery (`apidiscovery.k8s.io/v2`): `/api` gives the core group, `/apis` every other one. */
export function aggregated(api: SteveApi, core: boolean): Obj {
  const items = [...groups(api)].filter(([group]) => (group === '') === core).map(([group, defs]) => ({
    metadata: group ? { name: group } : {},
    versions: [{
      version:   defs[0].version,
      freshness: 'Current',
      resources: defs.map((def) => ({
        resource:     def.resource,
        responseKind: {
          group, version: def.version, kind: def.kind
        },
        scope:            def.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: def.kind.toLowerCase(),
        verbs:            VERBS,
        ...(shortNames(def).length ? { shortNames: shortNames(def) } : {}),
      })),
    }],
  }));

  return {
    kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items
  };
}
