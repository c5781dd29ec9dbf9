import { z } from 'zod';
import { db } from '../db/client';
import { ApiError } from '../api/errors';
import { hashPassword, passwordSchema, verifyPassword } from './passwords';
import { createOrgWithOwner, withNewOrg } from './orgs';

/** Emails are compared as typed but trimmed and lower-cased, wherever they come from. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const emailSchema = z.email('Enter a valid email address').max(254).transform(normalizeEmail);

export const signUpBody = z.object({
  name: z.string().trim().min(1, 'Tell us your name').max(100),
  email: emailSchema,
  password: passwordSchema,
});

export const signInBody = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

/** A new user with a password, and a personal org they own. */
export async function signUp(body: z.output<typeof signUpBody>) {
  const passwordHash = await hashPassword(body.password);
  return withNewOrg(async (tx, orgId) => {
    if (await tx.user.findUnique({ where: { email: body.email }, select: { id: true } })) {
      throw new ApiError(409, 'email_taken', 'email: an account with this email already exists; sign in instead');
    }
    const user = await tx.user.create({ data: { email: body.email, name: body.name, passwordHash } });
    const org = await createOrgWithOwner(tx, orgId, `${body.name}'s org`, user.id);
    return { user, org };
  });
}

/** The user whose email and password these are, or null; equally slow either way. */
export async function checkPassword(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash, password);
  return valid && user ? user : null;
}

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  /** Only a provider's explicit `email_verified: true` counts. */
  emailVerified: boolean;
}

/**
 * Whether an OAuth identity may sign in. Linking it to an existing account by email needs the
 * provider to vouch for the email, and never happens to a password account whose email nobody
 * verified: someone could have signed up with another person's address and be waiting for them.
 */
export async function checkOAuthSignIn(identity: OAuthIdentity): Promise<'ok' | 'unverified' | 'password_account'> {
  const linked = await db().account.findUnique({
    where: {
      provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId },
    },
    select: { id: true },
  });
  if (linked) return 'ok';
  if (!identity.email) return 'unverified';
  const existing = await db().user.findUnique({
    where: { email: normalizeEmail(identity.email) },
    select: { passwordHash: true, emailVerified: true },
  });
  if (!existing) return 'ok';
  if (!identity.emailVerified) return 'unverified';
  return existing.passwordHash && !existing.emailVerified ? 'password_account' : 'ok';
}

/**
 * The user behind an OAuth sign-in that checkOAuthSignIn allowed: the linked account's user,
 * else the user with that email (linked now), else a new user with a personal org.
 */
export async function userForOAuth(
  input: OAuthIdentity & {
    type: string;
    email: string;
    name?: string | null;
    image?: string | null;
  },
) {
  const linked = await db().account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    include: { user: true },
  });
  if (linked) return linked.user;
  const email = normalizeEmail(input.email);
  return withNewOrg(async (tx, orgId) => {
    let user = await tx.user.findUnique({ where: { email } });
    if (!user) {
      user = await tx.user.create({
        data: {
          email,
          name: input.name ?? null,
          image: input.image ?? null,
          emailVerified: input.emailVerified ? new Date() : null,
        },
      });
      await createOrgWithOwner(tx, orgId, `${input.name ?? email.split('@')[0]}'s org`, user.id);
    }
    await tx.account.create({
      data: {
        userId: user.id,
        provider: input.provider,
        providerAccountId: input.providerAccountId,
        type: input.type,
      },
    });
    return user;
  });
}
