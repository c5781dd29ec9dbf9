import { positiveIntSetting as seconds } from '../config/positive-int-setting';

/** How long sessions live; env overrides exist so tests can watch expiry and rotation happen. */
export const sessionSettings = () => ({
  /** Idle limit: a session unused for this long is over. */
  idleSeconds: seconds('SESSION_IDLE_SECONDS', 7 * 24 * 3600),
  /** Absolute limit from sign-in, however active the session. */
  absoluteSeconds: seconds('SESSION_ABSOLUTE_SECONDS', 30 * 24 * 3600),
  /** The session token is replaced by a fresh one this often. */
  rotateSeconds: seconds('SESSION_ROTATE_SECONDS', 15 * 60),
  /** A replaced token keeps working this long, for requests already in flight. */
  graceSeconds: seconds('SESSION_ROTATION_GRACE_SECONDS', 60),
});
