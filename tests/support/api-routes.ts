import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Action } from '@/lib/auth/policy';

const appRoot = path.resolve('app');

export interface ApiRoute {
  method: string;
  /** As the folders spell it: `/api/workflows/[id]`. */
  path: string;
  /** The policy action its withOrg wrapper names. */
  action?: Action;
  /** Whether the handler reads a JSON body (through readJson). */
  readsBody: boolean;
}

/** Every handler in app/api, read from the source. */
export function discoverApiRoutes(folder = path.join(appRoot, 'api')): ApiRoute[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return discoverApiRoutes(full);
    if (entry.name !== 'route.ts') return [];
    const routePath = '/' + path.relative(appRoot, path.dirname(full)).split(path.sep).join('/');
    const source = readFileSync(full, 'utf8');
    // Each handler's text runs from its export to the next one.
    const handlers = source.split(/(?=^export )/m);
    return handlers.flatMap((handler) => {
      const match = /^export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b(.*)/.exec(handler);
      if (!match) return [];
      const action = /withOrg(?:<[^>]*>)?\('([a-z]+:[a-z]+)'/.exec(match[2])?.[1] as Action | undefined;
      return [{ method: match[1], path: routePath, action, readsBody: handler.includes('readJson(req)') }];
    });
  });
}

/** The path with ids that exist nowhere: policy and body checks come before any lookup. */
export const concretePath = (routePath: string) =>
  routePath.replace(/\[(id)\]/g, randomUUID()).replace(/\[[^\]]+\]/g, '1');
