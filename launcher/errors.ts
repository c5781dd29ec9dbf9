/** A start-up problem the user can fix; the launcher prints only its message, no stack. */
export class LaunchError extends Error {
  override name = 'LaunchError';
}
