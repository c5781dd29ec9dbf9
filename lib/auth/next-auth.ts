import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { scopedDb } from '../db/tenant';
import { isUuid } from '../db/ids';
import { createLogger } from '../logging/logger';
import { hitSlidingWindow } from '../rate-limit/sliding-window';
import { checkOAuthSignIn, checkPassword, signInBody, userForOAuth } from './accounts';
import { recordSignIn } from './sign-in-audit';
import { originFrom } from './request-origin';
import { createSession, endSession, pruneSessions, resolveSession, setActiveOrg } from './sessions';
import { sessionSettings } from './session-settings';
import { oauthProviders } from './oauth-providers';

declare module 'next-auth' {
  interface Session {
    userId: string;
    activeOrgId: string | null;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    /** The session token; the row it names is the source of truth for the session. */
    sid?: string;
    uid?: string;
    activeOrgId?: string | null;
  }
}

const log = createLogger({ component: 'auth' });
const SIGN_IN_ATTEMPTS_PER_WINDOW = 10;
const SIGN_IN_ATTEMPTS_PER_EMAIL = 30;
const SIGN_IN_WINDOW_MS = 5 * 60_000;

class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

async function isMemberOf(userId: string, orgId: string): Promise<boolean> {
  if (!isUuid(orgId)) return false;
  return Boolean(await scopedDb({ userId }).membership.findFirst({ where: { userId, orgId }, select: { id: true } }));
}

async function firstOrgOf(userId: string): Promise<string | null> {
  const membership = await scopedDb({ userId }).membership.findFirst({
    where: { userId },
    orderBy: { createdAt: 'asc' },
  });
  return membership?.orgId ?? null;
}

// A config object rather than a lazy function: with a function, `auth(handler)` returns a promise
// instead of a proxy function. Auth.js reads AUTH_SECRET from the environment per request.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  // Self-hosted under whatever name the operator gives it: the app's route hands Auth.js the
  // public URL (APP_URL) or the Host header, and proxy.ts keeps forged forwarding headers out.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: sessionSettings().idleSeconds },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, request) {
        const parsed = signInBody.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const origin = originFrom(request.headers);
        // Per email and address, and per email alone: a client can claim any forwarded address.
        const limits = await Promise.all([
          hitSlidingWindow(
            `sign-in:${email}:${origin.ip ?? 'unknown'}`,
            SIGN_IN_ATTEMPTS_PER_WINDOW,
            SIGN_IN_WINDOW_MS,
          ),
          hitSlidingWindow(`sign-in:${email}`, SIGN_IN_ATTEMPTS_PER_EMAIL, SIGN_IN_WINDOW_MS),
        ]).catch((error) => {
          log.warn('sign-in attempts not counted: Redis unavailable', { error: (error as Error).message });
          return [];
        });
        if (limits.some((limit) => !limit.allowed)) {
          await recordSignIn({ email, origin, outcome: 'rate_limited' });
          throw new TooManyAttempts();
        }
        const user = await checkPassword(email, password);
        await recordSignIn({ email, user, origin, outcome: user ? 'success' : 'failure' });
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (!account || account.provider === 'credentials') return true;
      const verdict = await checkOAuthSignIn({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: profile?.email,
        emailVerified: profile?.email_verified === true,
      });
      if (verdict === 'password_account') return '/sign-in?error=OAuthAccountNotLinked';
      return verdict === 'ok';
    },
    async jwt({ token, user, account, profile, trigger, session }) {
      if (account && user) {
        const userId =
          account.provider === 'credentials'
            ? user.id!
            : (
                await userForOAuth({
                  provider: account.provider,
                  providerAccountId: account.providerAccountId,
                  type: account.type,
                  email: profile!.email!,
                  emailVerified: profile?.email_verified === true,
                  name: profile?.name ?? user.name,
                  image: user.image,
                })
              ).id;
        void pruneSessions().catch((error) => log.warn('session pruning failed', { error }));
        const created = await createSession(userId, await firstOrgOf(userId));
        return { ...token, sid: created.token, uid: userId, activeOrgId: created.activeOrgId };
      }
      if (!token.sid) return null;
      let live;
      try {
        live = await resolveSession(token.sid);
      } catch (error) {
        // Throwing here would make Auth.js delete the cookie: a database hiccup must not sign
        // everyone out. The request itself fails further on if the database stays away.
        log.error('session not checked', { error });
        return token;
      }
      if (!live) return null;
      let activeOrgId = live.activeOrgId;
      const requested = trigger === 'update' ? session?.activeOrgId : undefined;
      if (typeof requested === 'string' && (await isMemberOf(live.userId, requested))) {
        // The row records the choice for every later request.
        await setActiveOrg(live.token, requested);
        activeOrgId = requested;
      }
      return { ...token, sid: live.token, uid: live.userId, activeOrgId };
    },
    session({ session, token }) {
      // The session token stays in the HttpOnly cookie: never hand it to page scripts.
      return { ...session, userId: token.uid ?? '', activeOrgId: token.activeOrgId ?? null };
    },
  },
  events: {
    async signOut(message) {
      if ('token' in message && message.token?.sid) await endSession(message.token.sid);
    },
  },
  logger: {
    // The cause says what failed (a provider's answer, a failed check); Auth.js's own message only
    // links to its docs.
    error: (error) =>
      log.warn('auth error', {
        type: (error as { type?: string }).type ?? error.name,
        cause: String((error.cause as { err?: Error } | undefined)?.err?.message ?? error.cause ?? ''),
      }),
    warn: (code) => log.debug('auth warning', { code }),
  },
});
