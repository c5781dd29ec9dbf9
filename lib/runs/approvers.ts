import type { Role } from '../db/generated/enums';
import { ROLE_RANK } from '../auth/policy';

// Who may decide an approval: its node's `approvers`, each a user's email or id, or
// `role:<role>` for everyone with that role or a higher one. An empty list leaves the decision
// to anyone whose role may approve runs.

export interface Decider {
  userId: string;
  email: string;
  role: Role;
}

const ROLE_ENTRY = /^role:(owner|admin|editor|viewer)$/i;

export function mayDecide(approvers: readonly string[], decider: Decider): boolean {
  if (approvers.length === 0) return true;
  return approvers.some((entry) => {
    const wanted = entry.trim();
    const role = ROLE_ENTRY.exec(wanted)?.[1].toUpperCase() as Role | undefined;
    if (role) return ROLE_RANK[decider.role] >= ROLE_RANK[role];
    return wanted === decider.userId || wanted.toLowerCase() === decider.email.toLowerCase();
  });
}

/** The approvers a waiting approval step recorded (its resolved config), or none. */
export function recordedApprovers(stepInput: unknown): string[] {
  const approvers = (stepInput as { approvers?: unknown } | null)?.approvers;
  return Array.isArray(approvers) ? approvers.filter((entry): entry is string => typeof entry === 'string') : [];
}
