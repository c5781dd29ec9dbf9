import { cache } from 'react';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { db } from '../db/client';
import type { Role } from '../db/generated/enums';
import { originFrom } from './request-origin';
import { assertAllowed, type Action } from './policy';
import { auth } from './next-auth';
import { listUserOrgs } from './orgs';

export interface OrgContext {
  orgId: string;
  orgName: string;
  userId: string;
  role: Role;
  /** Who is acting: a person, an API key standing in for its creator, or the platform itself. */
  actor: { type: 'USER' | 'API_KEY' | 'SYSTEM'; id: string; label: string };
  /** Where the request came from, for the audit log. */
  origin?: { ip?: string; userAgent?: string };
}

interface SignedInUser {
  userId: string;
  email: string;
  name: string | null;
  activeOrgId: string | null;
  /** False for accounts that only ever signed in through OAuth. */
  hasPassword: boolean;
}

/** The signed-in person of this request (cookie session), or null. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  if (!session?.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: { email: true, name: true, passwordHash: true },
  });
  if (!user) return null;
  const { passwordHash, ...profile } = user;
  return { userId: session.userId, ...profile, activeOrgId: session.activeOrgId, hasPassword: Boolean(passwordHash) };
});

/** For pages and actions only a signed-in person may use: the user, sending anyone else to sign-in. */
export async function requireUser(): Promise<SignedInUser> {
  return (await currentUser()) ?? redirect('/sign-in');
}

/**
 * The org a signed-in user acts in: the one they chose, or their oldest membership when that
 * choice is gone (they were removed). Null when signed out or in no org at all.
 */
export const currentOrg = cache(async (): Promise<OrgContext | null> => {
  const user = await currentUser();
  if (!user) return null;
  const memberships = await listUserOrgs(user.userId);
  const membership = memberships.find((m) => m.org.id === user.activeOrgId) ?? memberships[0];
  if (!membership) return null;
  return {
    orgId: membership.org.id,
    orgName: membership.org.name,
    userId: user.userId,
    role: membership.role,
    actor: { type: 'USER', id: user.userId, label: user.email },
    origin: originFrom(await headers()),
  };
});

/** For pages: the org context, sending anyone signed out to the sign-in page. */
export async function requireOrg(): Promise<OrgContext> {
  const org = await currentOrg();
  if (org) return org;
  redirect((await currentUser()) ? '/profile?no-org=1' : '/sign-in');
}

/** For server actions: the org context, refusing roles the policy does not allow `action`. */
export async function requirePermission(action: Action): Promise<OrgContext> {
  const org = await requireOrg();
  assertAllowed(org.role, action);
  return org;
}
