import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '@/lib/auth/policy';
import { api, apiFetch } from '../support/api';
import { concretePath as concrete, discoverApiRoutes } from '../support/api-routes';

// Routes anyone may call without an identity: health, and Auth.js's own sign-in endpoints.
const PUBLIC_ROUTES = new Set(['GET /api/health', 'GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]']);
// Routes for machines holding a token of their own, which no org role grants: the metrics scrape.
const OWN_TOKEN_ROUTES = new Set(['GET /api/metrics']);
const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'] as const;

const routes = discoverApiRoutes();

describe('route × role policy matrix', () => {
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    for (const role of ROLES) {
      const response = await apiFetch('/api/api-keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `matrix ${role}`, role }),
      });
      keys[role] = (await response.json()).key;
    }
  });

  it('finds the API routes, and every non-public one declares a policy action', () => {
    expect(routes.length).toBeGreaterThan(15);
    const withoutPolicy = routes.filter(
      (route) =>
        !route.action &&
        !PUBLIC_ROUTES.has(`${route.method} ${route.path}`) &&
        !OWN_TOKEN_ROUTES.has(`${route.method} ${route.path}`),
    );
    expect(withoutPolicy).toEqual([]);
    for (const route of routes) if (route.action) expect(policy).toHaveProperty(route.action);
  });

  for (const route of routes.filter((r) => r.action)) {
    it(`${route.method} ${route.path} (${route.action}) lets exactly the allowed roles through`, async () => {
      for (const role of ROLES) {
        const response = await apiFetch(concrete(route.path), {
          method: route.method,
          headers: { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
          body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined,
        });
        // An event stream never ends: its status is all there is to check.
        if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
        else await response.arrayBuffer();
        const allowed = (policy[route.action!] as readonly string[]).includes(role);
        if (allowed) expect(response.status, `${role} should pass the policy`).not.toBe(403);
        else expect(response.status, `${role} should be refused`).toBe(403);
      }
    });
  }

  it('answers 401 to every non-public route when there is no identity at all', async () => {
    const guarded = routes.filter((route) => !PUBLIC_ROUTES.has(`${route.method} ${route.path}`));
    for (const route of guarded) {
      const response = await fetch(api(concrete(route.path)), {
        method: route.method,
        headers: { 'content-type': 'application/json' },
        body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined,
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('is not fooled by the x-middleware-subrequest header', async () => {
    const bare = await fetch(api('/api/workflows'), {
      headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    });
    expect(bare.status).toBe(401);
    const response = await apiFetch('/api/workflows', {
      headers: {
        'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
        authorization: 'Bearer fo_nothing',
      },
    });
    expect(response.status).toBe(401);
  });
});
