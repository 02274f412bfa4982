import { createHash } from 'node:crypto';
import { Obj } from '../types';

/** virt-operator's KubeVirtDeploymentConfig (kubevirt pkg/virt-operator/util/config.go), as stored in KubeVirt status. */
export interface DeploymentConfig {
  id: string;
  additionalProperties: Record<string, string>;
  [key: string]: unknown;
}

export const REGISTRY = 'registry.suse.com/suse/sles/16.0';
export const VERSION = '1.8.4-5.2';

const ADDITIONAL: Record<string, string> = {
  CertificateRotationStrategy: '<v1.KubeVirtCertificateRotateStrategy Value>',
  Configuration:               '<v1.KubeVirtConfiguration Value>',
  CustomizeComponents:         '<v1.CustomizeComponents Value>',
  ImagePullPolicy:             '',
  ImagePullSecrets:            'null',
  Infra:                       '<*v1.ComponentConfig Value>',
  MonitorAccount:              '',
  MonitorNamespace:            '',
  ProductComponent:            '',
  ProductName:                 '',
  ProductVersion:              '',
  ServiceMonitorNamespace:     '',
  SynchronizationPort:         '',
  UninstallStrategy:           '',
  WorkloadUpdateStrategy:      '<v1.KubeVirtWorkloadUpdateStrategy Value>',
  Workloads:                   '<*v1.ComponentConfig Value>',
};

/**
 * A deployment config with `additionalProperties.MigrationNetwork` set (or removed); the id is a sha1 over the
 * config, so a migration-network change yields a new install strategy. Keys of the map are sorted as Go marshals them.
 */
export function withMigrationNetwork(base: DeploymentConfig | undefined, network: string | undefined): DeploymentConfig {
  const images = Object.fromEntries(['Operator', 'Api', 'Controller', 'Handler', 'Launcher', 'ExportProxy', 'ExportServer']
    .map((c) => [`virt${ c }Image`, `${ REGISTRY }/virt-${ c.toLowerCase() }:${ VERSION }`]));
  const source: Obj = {
    ...(base ?? {
      namespace: 'harvester-system', registry: REGISTRY, kubeVirtVersion: VERSION, ...images, additionalProperties: ADDITIONAL
    })
  };
  const additionalProperties = source.additionalProperties as Record<string, string>;

  delete source.id;
  delete source.additionalProperties;
  const rest = source;
  const props: Record<string, string> = { ...additionalProperties };

  if (network) {
    props.MigrationNetwork = network;
  } else {
    delete props.MigrationNetwork;
  }
  const sorted = Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k]]));
  const body = { ...rest, additionalProperties: sorted };

  return { id: createHash('sha1').update(JSON.stringify(body)).digest('hex'), ...body };
}

export function parseDeploymentConfig(text: unknown): DeploymentConfig | undefined {
  try {
    const parsed = typeof text === 'string' ? JSON.parse(text) as DeploymentConfig : undefined;

    return parsed?.additionalProperties ? parsed : undefined;
  } catch {
    return undefined;
  }
}
