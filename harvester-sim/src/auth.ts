import { randomBytes } from 'node:crypto';
import { Access } from './steve';

/**
 * What a user may do in downstream clusters: `admin` everything, `viewer` read everything, `limited` read all but
 * a few types, `member` admin rights only in the clusters whose `members` name them, and nothing elsewhere.
 */
export type Role = 'admin' | 'viewer' | 'limited' | 'member';

/** A simulated Rancher local user. */
export interface SimUser {
  id: string;
  username: string;
  password: string;
  displayName: string;
  role: Role;
}

/** The part of a cluster access decisions need. */
export interface ClusterGrant {
  /** Only Harvester clusters are writable; the local k3s cluster is read-only to everyone, as before. */
  writable: boolean;
  members: readonly string[];
}

export type TypeAccess = (type: string) => Access;

const ALL: Access = {
  list: true, create: true, update: true, remove: true
};
const READ: Access = {
  list: true, create: false, update: false, remove: false
};
const NONE: Access = {
  list: false, create: false, update: false, remove: false
};

/** Types the `limited` user may not read: pods, nodes and NADs (so health checks that need them cannot run). */
const LIMITED_HIDDEN = new Set(['pod', 'node', 'k8s.cni.cncf.io.networkattachmentdefinition', 'event', 'whereabouts.cni.cncf.io.ippool']);

export const USERS: SimUser[] = [
  {
    id: 'user-admin', username: 'admin', password: 'admin', displayName: 'Default Admin', role: 'admin'
  },
  {
    id: 'user-viewer', username: 'viewer', password: 'viewer', displayName: 'Read-only viewer', role: 'viewer'
  },
  {
    id: 'user-limited', username: 'limited', password: 'limited', displayName: 'Limited user', role: 'limited'
  },
  {
    id: 'user-operator', username: 'operator', password: 'operator', displayName: 'Cluster operator', role: 'member'
  },
];

/** Per-type access of `user` in one cluster, or undefined when the user may not see that cluster at all (403). */
export function clusterAccess(user: SimUser, cluster: ClusterGrant): TypeAccess | undefined {
  const cap = (access: Access) => (cluster.writable ? access : { ...READ, list: access.list });

  switch (user.role) {
  case 'admin':
    return () => cap(ALL);
  case 'viewer':
    return () => READ;
  case 'limited':
    return (type) => (LIMITED_HIDDEN.has(type) ? NONE : READ);
  case 'member':
    return cluster.members.includes(user.username) ? () => cap(ALL) : undefined;
  }
}

/** Access to management types: only admin writes; anonymous requests (public settings) read. */
export function managementAccess(user?: SimUser): Access {
  return user?.role === 'admin' ? ALL : READ;
}

/** The `R_SESS` cookie sessions, as Rancher's local auth provider issues them. */
export class Sessions {
  private readonly byToken = new Map<string, SimUser>();

  login(username: unknown, password: unknown): string | undefined {
    const user = USERS.find((u) => u.username === username && u.password === password);

    if (!user) {
      return undefined;
    }

    return this.issue(user, 'token');
  }

  /** A new token for `user`: `token-…` for a login, `kubeconfig-…` for a downloaded kubeconfig, as Rancher names them. */
  issue(user: SimUser, kind: 'token' | 'kubeconfig'): string {
    const token = `${ kind }-${ randomBytes(4).toString('hex') }:${ randomBytes(24).toString('hex') }`;

    this.byToken.set(token, user);

    return token;
  }

  logout(token: string | undefined): void {
    if (token) {
      this.byToken.delete(token);
    }
  }

  userFor(token: string | undefined): SimUser | undefined {
    return token ? this.byToken.get(token) : undefined;
  }

  clear(): void {
    this.byToken.clear();
  }
}

/** Reads the session token from the `R_SESS` cookie or a bearer `Authorization` header. */
export function tokenFrom(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;

  if (typeof auth === 'string' && auth.startsWith('Bearer ')) {
    return auth.slice(7);
  }
  const cookie = typeof headers.cookie === 'string' ? headers.cookie : '';
  const match = /(?:^|;\s*)R_SESS=([^;]+)/.exec(cookie);

  return match ? decodeURIComponent(match[1]) : undefined;
}
