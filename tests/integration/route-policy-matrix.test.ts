import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy, type Action } from '@/lib/auth/policy';
import { api, apiFetch } from '../support/api';

// Routes anyone may call without an identity: health, and Auth.js's own sign-in endpoints.
const PUBLIC_ROUTES = new Set(['GET /api/health', 'GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]']);
const ROLES = ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'] as const;
const apiRoot = path.resolve('app/api');

interface Route {
  method: string;
  path: string;
  action?: Action;
}

/** Every handler in app/api, with the policy action its withOrg wrapper names (read from the source). */
function discoverRoutes(folder = apiRoot): Route[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return discoverRoutes(full);
    if (entry.name !== 'route.ts') return [];
    const routePath = '/' + path.relative(path.resolve('app'), path.dirname(full)).split(path.sep).join('/');
    const source = readFileSync(full, 'utf8');
    return [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b(.*)/g)].map((match) => {
      const action = /withOrg(?:<[^>]*>)?\('([a-z]+:[a-z]+)'/.exec(match[2])?.[1] as Action | undefined;
      return { method: match[1], path: routePath, action };
    });
  });
}

const routes = discoverRoutes();
// Fill path parameters with ids that exist nowhere: the policy is checked before any lookup.
const concrete = (routePath: string) => routePath.replace(/\[(id)\]/g, randomUUID()).replace(/\[[^\]]+\]/g, '1');

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
      (route) => !route.action && !PUBLIC_ROUTES.has(`${route.method} ${route.path}`),
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
        await response.arrayBuffer();
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
