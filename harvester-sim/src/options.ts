import { InstallBehaviour } from './behaviour';
import { ClusterSpec } from './cluster';
import { RancherVersion } from './rancher-version';
import { TypeDef } from './schemas';
import { K8sObject, Obj } from './types';

/** How a simulator starts: where it listens, what it loads, and which Rancher it imitates. */
export interface SimulatorOptions {
  port: number;
  host?: string;
  /** Fleet file name (default `default`). */
  fleet?: string;
  /** Cluster scenario loaded into the fleet's primary cluster instead of the one the fleet names. */
  scenario?: string;
  /** Resource types a Harvester cluster serves. */
  clusterTypes?: TypeDef[];
  /** Installs the cluster behaviour (Harvester's webhook and controllers) on each Harvester cluster's store. */
  install?: InstallBehaviour;
  /** Expands a scenario's `generate` parameters into objects. */
  generate?: (params: Obj) => K8sObject[];
  /** Adapts a scenario's objects to the cluster declared in the fleet (e.g. its version setting). */
  prepare?: (spec: ClusterSpec, objects: K8sObject[]) => K8sObject[];
  /** UI extension folders served by `/v1/uiplugins` from the start (kept across resets). */
  plugins?: string[];
  /** The Rancher minor whose Steve every API speaks (default 2.15). */
  rancher?: RancherVersion;
}
