import { inject } from 'vitest';
import type { OrgContext } from '@/lib/auth/current-org';

export const api = (path: string) => `${inject('platform').webUrl}${path}`;

/** Request options signed in as the test run's owner, sent from the app's own origin as a page would. */
export function asOwner(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('cookie', inject('platform').owner.sessionCookie);
  headers.set('origin', inject('platform').webUrl);
  return { ...init, headers };
}

/** `fetch` of an app path as the owner of the test org. */
export const apiFetch = (path: string, init?: RequestInit) => fetch(api(path), asOwner(init));

/** The owner's org, as lib/ functions called directly from a test expect it. */
export function ownerOrg(): OrgContext {
  const { owner } = inject('platform');
  return {
    orgId: owner.orgId,
    orgName: owner.orgName,
    userId: owner.userId,
    role: 'OWNER',
    actor: { type: 'USER', id: owner.userId, label: owner.email },
  };
}
