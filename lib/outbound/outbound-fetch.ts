import { Agent, fetch, Headers, type Response } from 'undici';
import { assertLiteralAllowed, guardedLookup } from './guarded-lookup';
import { OutboundBlocked } from './outbound-blocked';
import type { OutboundPolicy } from './policy';

const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Never forwarded to another origin, whatever the credential type that set them.
const ALWAYS_SENSITIVE = ['authorization', 'proxy-authorization', 'cookie'];

export interface OutboundRequest {
  method?: string;
  headers?: Iterable<[string, string]> | Record<string, string>;
  body?: string | URLSearchParams;
  signal?: AbortSignal;
  /** Further headers that carry a credential (an API-key header), dropped on a cross-origin redirect. */
  sensitiveHeaders?: readonly string[];
  /** `manual` hands back the first response, redirect or not. */
  redirect?: 'follow' | 'manual';
}

export class TooManyRedirects extends Error {
  override name = 'TooManyRedirects';
}

// One connection pool per policy: its lookup is part of how each connection is made.
const agents = new Map<OutboundPolicy, Agent>();
const MAX_AGENTS = 64;

function agentFor(policy: OutboundPolicy): Agent {
  let agent = agents.get(policy);
  if (!agent) {
    if (agents.size >= MAX_AGENTS) {
      const [oldest, oldAgent] = agents.entries().next().value as [OutboundPolicy, Agent];
      agents.delete(oldest);
      void oldAgent.close();
    }
    agent = new Agent({ connect: { lookup: guardedLookup(policy) } });
    agents.set(policy, agent);
  }
  return agent;
}

/**
 * fetch for every request the product makes on a user's behalf. Each hop of a redirect chain is
 * checked again, and credentials never follow a redirect to another origin.
 */
export async function outboundFetch(
  target: string,
  request: OutboundRequest,
  policy: OutboundPolicy,
): Promise<Response> {
  let url = new URL(target);
  let method = request.method ?? 'GET';
  let body = request.body;
  const headers = new Headers();
  const given = request.headers ?? {};
  for (const [name, value] of Symbol.iterator in given ? given : Object.entries(given)) headers.set(name, value);
  for (let hop = 0; ; hop++) {
    assertLiteralAllowed(policy, url.hostname);
    const response = await fetch(url, {
      method,
      headers,
      body,
      signal: request.signal,
      redirect: 'manual',
      dispatcher: agentFor(policy),
    });
    const location = response.headers.get('location');
    if (request.redirect === 'manual' || !REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS) throw new TooManyRedirects(`stopped after ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new OutboundBlocked(next.protocol, `a redirect may only lead to http:// or https://, not ${next.protocol}`);
    }
    if (next.origin !== url.origin) {
      for (const name of [...ALWAYS_SENSITIVE, ...(request.sensitiveHeaders ?? [])]) headers.delete(name);
    }
    // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
    if ((response.status === 303 && method !== 'HEAD') || (response.status <= 302 && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers.delete('content-type');
    }
    url = next;
  }
}
