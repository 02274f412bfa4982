import { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'yaml';
import { SteveApi } from '../api';
import { SimUser, TypeAccess } from '../auth';
import { ApiError, Obj } from '../types';
import { KubeTarget } from './objects';

/** One request to a cluster's Kubernetes API. */
export interface KubeCall {
  api: SteveApi;
  user: SimUser;
  access: TypeAccess;
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  params: URLSearchParams;
}

/** A Kubernetes `Status` failure, the body the apiserver (and Rancher's `/k8s/clusters` proxy) returns. */
export function status(error: ApiError, target?: KubeTarget): Obj {
  return {
    kind:       'Status',
    apiVersion: 'v1',
    metadata:   {},
    status:     'Failure',
    message:    error.message,
    reason:     error.code,
    details:    target?.name || error.causes ? {
      name: target?.name, group: target?.def.group, kind: target?.def.resource, causes: error.causes
    } : undefined,
    code: error.status,
  };
}

export function send(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(code, { 'content-type': contentType, 'x-api-cattle-auth': 'true' });
  res.end(contentType.includes('yaml') ? stringify(body) : JSON.stringify(body));
}

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];

  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}
