import { createHmac, randomBytes } from 'node:crypto';
import { hashToken } from './token-hash';
import { db } from '../db/client';
import { authSecret } from './auth-secret';
import { sessionSettings } from './session-settings';

// The token that replaces `token` is derived from it, so every request still carrying the old
// cookie during the grace period is handed the same successor instead of forking new sessions.
const successorOf = (token: string) => createHmac('sha256', authSecret()).update(`rotate:${token}`).digest('base64url');

interface LiveSession {
  /** The token the browser should hold from now on (the same one unless it rotated). */
  token: string;
  userId: string;
  activeOrgId: string | null;
}

/** Starts a session for a user who just proved who they are. */
export async function createSession(userId: string, activeOrgId: string | null): Promise<LiveSession> {
  const token = randomBytes(32).toString('base64url');
  const { idleSeconds } = sessionSettings();
  await db().session.create({
    data: {
      sessionToken: hashToken(token),
      userId,
      activeOrgId,
      expires: new Date(Date.now() + idleSeconds * 1000),
    },
  });
  return { token, userId, activeOrgId };
}

/**
 * The session a token stands for, or null when it is unknown, expired, past its absolute limit,
 * or a replaced token past its grace. Extends the idle expiry, and rotates the token when due.
 */
export async function resolveSession(token: string): Promise<LiveSession | null> {
  const settings = sessionSettings();
  const now = Date.now();
  const row = await db().session.findUnique({ where: { sessionToken: hashToken(token) } });
  if (!row || row.expires.getTime() <= now) return null;
  if (now - row.authTime.getTime() > settings.absoluteSeconds * 1000) return null;

  if (row.rotatedAt) {
    if (now - row.rotatedAt.getTime() > settings.graceSeconds * 1000) {
      // A replaced token showing up this late was copied: whoever holds its successor may be
      // the thief, so the session ends for both.
      await endSession(token);
      return null;
    }
    return resolveSession(successorOf(token));
  }
  const expires = new Date(now + settings.idleSeconds * 1000);
  if (now - row.createdAt.getTime() < settings.rotateSeconds * 1000) {
    // Writing on every request would make each page view a database write.
    if (expires.getTime() - row.expires.getTime() > 60_000) {
      await db().session.update({ where: { id: row.id }, data: { expires } });
    }
    return { token, userId: row.userId, activeOrgId: row.activeOrgId };
  }
  const successor = successorOf(token);
  // Requests racing to rotate the same row: the first claims it (the row lock makes the others
  // wait and then find it claimed) and creates the successor; the rest just hand it out.
  await db().$transaction(async (tx) => {
    const claimed = await tx.session.updateMany({
      where: { id: row.id, rotatedAt: null },
      data: { rotatedAt: new Date(now) },
    });
    if (claimed.count === 0) return;
    await tx.session.create({
      data: {
        sessionToken: hashToken(successor),
        userId: row.userId,
        activeOrgId: row.activeOrgId,
        authTime: row.authTime,
        expires,
      },
    });
  });
  return { token: successor, userId: row.userId, activeOrgId: row.activeOrgId };
}

export async function endSession(token: string): Promise<void> {
  await db().session.deleteMany({ where: { sessionToken: { in: [hashToken(token), hashToken(successorOf(token))] } } });
}

/** Signs a user out everywhere, optionally keeping the session making the request. */
export async function endUserSessions(userId: string, keepToken?: string): Promise<void> {
  await db().session.deleteMany({
    where: { userId, ...(keepToken ? { sessionToken: { not: hashToken(keepToken) } } : {}) },
  });
}

export async function setActiveOrg(token: string, orgId: string): Promise<void> {
  await db().session.updateMany({ where: { sessionToken: hashToken(token) }, data: { activeOrgId: orgId } });
}

/** Drops rows nobody can use any more, so the table does not grow without bound. */
export async function pruneSessions(): Promise<number> {
  const { graceSeconds } = sessionSettings();
  const { count } = await db().session.deleteMany({
    where: {
      OR: [{ expires: { lte: new Date() } }, { rotatedAt: { lte: new Date(Date.now() - graceSeconds * 1000) } }],
    },
  });
  return count;
}
