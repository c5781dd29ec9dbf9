import { cache } from 'react';
import { db } from '../db/client';
import { orgDb } from '../db/tenant';
import { originFrom } from './request-origin';
import type { Role } from '../db/generated/enums';

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

const DEV_ORG_SLUG = 'default';
const DEV_USER_EMAIL = 'dev@localhost';

/**
 * The org and user a request acts for. Until sign-in exists this is one development org and
 * user, created on first use; every page and route asks here, so sign-in replaces one function.
 */
/** The client's address and agent, when called while serving a page or a server action. */
async function requestOrigin(): Promise<OrgContext['origin']> {
  try {
    const { headers } = await import('next/headers');
    return originFrom(await headers());
  } catch {
    // Outside a request (scripts, tests): there is no origin to record.
    return undefined;
  }
}

export const currentOrg = cache(async (): Promise<OrgContext> => {
  const prisma = db();
  const org = await prisma.org.upsert({
    where: { slug: DEV_ORG_SLUG },
    update: {},
    create: { slug: DEV_ORG_SLUG, name: 'Development org' },
  });
  const user = await prisma.user.upsert({
    where: { email: DEV_USER_EMAIL },
    update: {},
    create: { email: DEV_USER_EMAIL, name: 'Developer' },
  });
  const membership = await orgDb(org.id).membership.upsert({
    where: { orgId_userId: { orgId: org.id, userId: user.id } },
    update: {},
    create: { orgId: org.id, userId: user.id, role: 'OWNER' },
  });
  return {
    orgId: org.id,
    orgName: org.name,
    userId: user.id,
    role: membership.role,
    actor: { type: 'USER', id: user.id, label: user.email },
    origin: await requestOrigin(),
  };
});
