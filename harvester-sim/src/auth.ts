import { randomBytes } from 'node:crypto';
import { Access } from './steve';

/** A simulated Rancher local user and what it may do in the Harvester cluster. */
export interface SimUser {
  id: string;
  username: string;
  password: string;
  displayName: string;
  /** Access to a type of the downstream cluster; management types are readable by everyone logged in. */
  access(type: string): Access;
}

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
    id: 'user-admin', username: 'admin', password: 'admin', displayName: 'Default Admin', access: () => ALL
  },
  {
    id: 'user-viewer', username: 'viewer', password: 'viewer', displayName: 'Read-only viewer', access: () => READ
  },
  {
    id:          'user-limited',
    username:    'limited',
    password:    'limited',
    displayName: 'Limited user',
    access:      (type) => (LIMITED_HIDDEN.has(type) ? NONE : READ),
  },
];

/** The `R_SESS` cookie sessions, as Rancher's local auth provider issues them. */
export class Sessions {
  private readonly byToken = new Map<string, SimUser>();

  login(username: unknown, password: unknown): string | undefined {
    const user = USERS.find((u) => u.username === username && u.password === password);

    if (!user) {
      return undefined;
    }
    const token = `token-${ randomBytes(4).toString('hex') }:${ randomBytes(24).toString('hex') }`;

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
