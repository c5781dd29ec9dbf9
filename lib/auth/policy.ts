import type { Role } from '../db/generated/enums';

/** Every action a request can take, and the roles allowed to take it. */
export const policy = {
  'workflow:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'workflow:edit': ['OWNER', 'ADMIN', 'EDITOR'],
  'workflow:publish': ['OWNER', 'ADMIN', 'EDITOR'],
  'workflow:delete': ['OWNER', 'ADMIN'],
  'run:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'run:start': ['OWNER', 'ADMIN', 'EDITOR'],
  'run:cancel': ['OWNER', 'ADMIN', 'EDITOR'],
  'run:approve': ['OWNER', 'ADMIN', 'EDITOR'],
  'node:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'apikey:manage': ['OWNER', 'ADMIN'],
  'audit:read': ['OWNER', 'ADMIN'],
  'credential:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'credential:manage': ['OWNER', 'ADMIN', 'EDITOR'],
  'member:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'member:manage': ['OWNER', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof policy;

export function isAllowed(role: Role, action: Action): boolean {
  return (policy[action] as readonly Role[]).includes(role);
}
