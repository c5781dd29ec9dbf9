import { z } from 'zod';
import { ApiError } from '../api/errors';
import { Role } from '../db/generated/enums';

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
  // Closing a tripped circuit sends traffic back to a provider that was failing: an admin's call.
  'credential:reset': ['OWNER', 'ADMIN'],
  'member:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'member:manage': ['OWNER', 'ADMIN'],
  'network:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'network:manage': ['OWNER', 'ADMIN'],
  'slo:manage': ['OWNER', 'ADMIN'],
  'retention:manage': ['OWNER', 'ADMIN'],
  'alert:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'alert:manage': ['OWNER', 'ADMIN'],
  'file:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'file:upload': ['OWNER', 'ADMIN', 'EDITOR'],
  'event:read': ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'],
  'event:publish': ['OWNER', 'ADMIN', 'EDITOR'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof policy;

export const roleSchema = z.enum(Role, { error: 'role must be OWNER, ADMIN, EDITOR or VIEWER' });

/** Roles ordered by power, for "no more than" rules (a key's role, an invitation's). */
export const ROLE_RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2, OWNER: 3 };

export function isAllowed(role: Role, action: Action): boolean {
  return (policy[action] as readonly Role[]).includes(role);
}

/** Refuses, with a 403 naming the role and the action, what the policy does not allow. */
export function assertAllowed(role: Role, action: Action): void {
  if (!isAllowed(role, action)) {
    throw new ApiError(403, 'forbidden', `Your role (${role}) may not ${action.replace(':', ' ')}`);
  }
}
