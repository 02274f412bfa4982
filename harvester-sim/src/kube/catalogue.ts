import { SteveApi } from '../api';
import { crd, TypeDef } from '../schemas';
import { K8sObject } from '../types';

/** The CustomResourceDefinition resource, which every cluster serves; its objects describe the cluster's custom types. */
export const CRD_TYPE: TypeDef = crd('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false);

/** Groups whose types are built into Kubernetes; every other group's types come from a CRD. */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'apiextensions.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'networking.k8s.io']);

/** Short names as the apiserver and the projects' CRDs declare them (`kubectl get po`, `vmim`, `net-attach-def`). */
const SHORT_NAMES: Record<string, string[]> = {
  pods:                             ['po'],
  nodes:                            ['no'],
  namespaces:                       ['ns'],
  events:                           ['ev'],
  daemonsets:                       ['ds'],
  customresourcedefinitions:        ['crd', 'crds'],
  'network-attachment-definitions': ['net-attach-def'],
  kubevirts:                        ['kv', 'kvs'],
  virtualmachines:                  ['vm', 'vms'],
  virtualmachineinstances:          ['vmi', 'vmis'],
  virtualmachineinstancemigrations: ['vmim', 'vmims'],
  clusternetworks:                  ['cn'],
  vlanconfigs:                      ['vc'],
  vlanstatuses:                     ['vs'],
};

/** Every verb the apiserver lists for a served resource; who may use which is RBAC's business, not discovery's. */
export const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function isCustom(def: TypeDef): boolean {
  return !BUILT_IN_GROUPS.has(def.group);
}

export function shortNames(def: TypeDef): string[] {
  return SHORT_NAMES[def.resource] ?? [];
}

export function apiVersionOf(def: TypeDef): string {
  return def.group ? `${ def.group }/${ def.version }` : def.version;
}

/** The types the Kubernetes API of `api` serves: the store's own, and the CRDs that describe them. */
export function kubeTypes(api: SteveApi): TypeDef[] {
  return [...api.types, CRD_TYPE];
}

const bornAt = new WeakMap<SteveApi, string>();

/**
 * The CRD object of each custom type, built from what the simulator serves: the names, scope and version the real
 * CRD declares, a schema that keeps unknown fields, and the `Established` condition. Created when the cluster's
 * oldest namespace was, as the CRDs of an installed cluster are.
 */
function crdObject(def: TypeDef, created: string): K8sObject {
  const singular = def.kind.toLowerCase();
  const names = {
    kind: def.kind, listKind: `${ def.kind }List`, plural: def.resource, singular, ...(shortNames(def).length ? { shortNames: shortNames(def) } : {})
  };

  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind:       'CustomResourceDefinition',
    metadata:   {
      name: `${ def.resource }.${ def.group }`, creationTimestamp: created, generation: 1, resourceVersion: '1', uid: `crd-${ def.resource }.${ def.group }`
    },
    spec: {
      group:    def.group,
      names,
      scope:    def.namespaced ? 'Namespaced' : 'Cluster',
      versions: [{
        name: def.version, served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }
      }],
    },
    status: {
      acceptedNames: names,
      conditions:    [
        {
          type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: created
        },
        {
          type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: created
        },
      ],
      storedVersions: [def.version],
    },
  };
}

/** The objects of a type as the Kubernetes API serves them. */
export function objectsOf(api: SteveApi, def: TypeDef): K8sObject[] {
  if (def !== CRD_TYPE) {
    return api.store.list(def.id);
  }
  if (!bornAt.has(api)) {
    const times = api.store.list('namespace').map((ns) => ns.metadata.creationTimestamp).filter((t): t is string => !!t).sort();

    bornAt.set(api, times[0] ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
  }
  const created = bornAt.get(api) as string;

  return api.types.filter(isCustom).map((def) => crdObject(def, created));
}

/** One object of a type by its store id (`<namespace>/<name>` or `<name>`). */
export function findObject(api: SteveApi, def: TypeDef, id: string): K8sObject | undefined {
  return def === CRD_TYPE ? objectsOf(api, def).find((o) => o.metadata.name === id) : api.store.get(def.id, id);
}
