import { Obj } from './types';

/** The resource types the simulator serves, with what Steve needs to build their schemas. */
export interface Column {
  name: string;
  field: string;
  type: string;
  priority?: number;
}

export interface TypeDef {
  id: string;
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
  columns?: Column[];
  /** Resource actions Steve links on each object (`actions.<name>`, posted as `?action=<name>`). */
  actions?: string[];
  /** Cells of `metadata.fields`, in the order of the apiserver's Table columns. */
  fields?: (obj: Obj) => unknown[];
}

export const NAME: Column = {
  name: 'Name', field: '.metadata.name', type: 'string', priority: 0
};

export function crd(group: string, version: string, kind: string, resource: string, namespaced: boolean, extra: Partial<TypeDef> = {}): TypeDef {
  return {
    id: `${ group }.${ kind }`.toLowerCase(), group, version, kind, resource, namespaced, columns: [NAME], ...extra
  };
}

export function core(kind: string, resource: string, namespaced: boolean, extra: Partial<TypeDef> = {}): TypeDef {
  return {
    id: kind.toLowerCase(), group: '', version: 'v1', kind, resource, namespaced, columns: [NAME], ...extra
  };
}

/** Management types, seen through `/v1`. */
export const MANAGEMENT_TYPES: TypeDef[] = [
  crd('management.cattle.io', 'v3', 'Setting', 'settings', false),
  crd('management.cattle.io', 'v3', 'Feature', 'features', false),
  crd('management.cattle.io', 'v3', 'Cluster', 'clusters', false, { actions: ['generateKubeconfig'] }),
  crd('management.cattle.io', 'v3', 'Project', 'projects', true),
  crd('management.cattle.io', 'v3', 'User', 'users', false),
  crd('management.cattle.io', 'v3', 'GlobalRole', 'globalroles', false),
  crd('management.cattle.io', 'v3', 'GlobalRoleBinding', 'globalrolebindings', false),
  crd('ext.cattle.io', 'v1', 'SelfUser', 'selfusers', false),
  crd('ext.cattle.io', 'v1', 'Kubeconfig', 'kubeconfigs', false),
  crd('provisioning.cattle.io', 'v1', 'Cluster', 'clusters', true),
  core('Namespace', 'namespaces', false),
];

/** Types that exist in every Steve API but are not Kubernetes resources. */
export const VIRTUAL_TYPES = ['schema', 'count', 'userpreference'];

export function typeDef(types: TypeDef[], id: string): TypeDef | undefined {
  return types.find((t) => t.id === id);
}
