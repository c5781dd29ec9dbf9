import { z } from 'zod';
import { db } from '../db/client';
import { ApiError } from '../api/errors';
import { hashPassword, passwordSchema, verifyPassword } from './passwords';
import { endUserSessions } from './sessions';

export const profileBody = z.object({ name: z.string().trim().min(1, 'Tell us your name').max(100) });

export const changePasswordBody = z.object({
  currentPassword: z.string().max(200),
  newPassword: passwordSchema,
});

export async function updateProfile(userId: string, body: z.output<typeof profileBody>) {
  await db().user.update({ where: { id: userId }, data: { name: body.name } });
}

/**
 * Sets a new password after checking the current one (if the account has one: OAuth-only
 * accounts may add a password), and signs the user out of every other session.
 */
export async function changePassword(userId: string, body: z.output<typeof changePasswordBody>) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new ApiError(400, 'wrong_password', 'currentPassword: that is not your current password');
  }
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(body.newPassword) } });
  await endUserSessions(userId);
}
