import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '@/lib/auth/policy';
import { api, apiFetch } from '../support/api';
import { concretePath as concrete, discoverApiRoutes } from '../support/api-routes';

// Routes anyone may call without an identity: health, Auth.js's own sign-in endpoints, and
// workflows' webhooks and their test URLs, which check their trigger's own auth (lib/webhooks/receive-call.ts).
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/auth/[...nextauth]',
  'POST /api/auth/[...nextauth]',
  'GET /api/hooks/[slug]',
  'POST /api/hooks/[slug]',
  'PUT /api/hooks/[slug]',
  'GET /api/hooks/test/[slug]',
  'POST /api/hooks/test/[slug]',
  'PUT /api/hooks/test/[slug]',
]);
// Routes for machines holding a token of their own, which no org role grants: the metrics scrape.
const OWN_TOKEN_ROUTES = new Set(['GET /api/metrics']);
const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'] as const;

const routes = discoverApiRoutes();

// The test platform allows an API key 60 requests a minute (RATE_LIMIT_API_KEY_PER_MINUTE), and
// each route takes one request of every role's key: the keys are replaced well before that, so
// no answer is a 429 the matrix brought on itself.
const ROUTES_PER_KEY = 50;

describe('route × role policy matrix', () => {
  const keys: Record<string, string> = {};
  let routesOnKeys = 0;

  async function createKeys() {
    for (const role of ROLES) {
      const response = await apiFetch('/api/api-keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `matrix ${role}`, role }),
      });
      keys[role] = (await response.json()).key;
    }
    routesOnKeys = 0;
  }

  beforeAll(createKeys);

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
      if (++routesOnKeys > ROUTES_PER_KEY) {
        await createKeys();
        routesOnKeys = 1;
      }
      // One path (ids that exist nowhere) and body for every role: what differs is the policy.
      const path = concrete(route.path);
      const answers: Record<string, string> = {};
      for (const role of ROLES) {
        const response = await apiFetch(path, {
          method: route.method,
          headers: { authorization: `Bearer ${keys[role]}`, 'content-type': 'application/json' },
          body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined,
        });
        // An event stream never ends: its status is all there is to check.
        let code = '';
        if (response.headers.get('content-type')?.startsWith('application/json')) {
          code = ((await response.json()) as { error?: { code?: string } }).error?.code ?? '';
        } else if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
          await response.body?.cancel();
        } else {
          await response.arrayBuffer();
        }
        answers[role] = `${response.status} ${code}`.trim();
      }
      // Every role the policy allows gets exactly the owner's answer; every other one, 403.
      expect(answers.OWNER).not.toBe('403 forbidden');
      const allowed = policy[route.action!] as readonly string[];
      expect(answers).toEqual(
        Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? answers.OWNER : '403 forbidden'])),
      );
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
