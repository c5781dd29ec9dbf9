import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allowlistMatcher } from './allowlist';
import { findOutboundBlocked } from './outbound-blocked';
import { outboundFetch, TooManyRedirects } from './outbound-fetch';
import { outboundPolicy, refusal, type OutboundPolicy } from './policy';

interface Seen {
  server: 'a' | 'b';
  path: string;
  authorization?: string;
  apiKey?: string;
}

const seen: Seen[] = [];
let a: Server;
let b: Server;
let portA: number;
let portB: number;

function listener(name: 'a' | 'b') {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({
      server: name,
      path: url.pathname,
      authorization: req.headers.authorization,
      apiKey: req.headers['x-api-key'] as string | undefined,
    });
    const location = url.pathname === '/forever' ? '/forever' : url.searchParams.get('to');
    if (location) {
      res.writeHead(302, { location });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`hello from ${name}`);
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  a = createServer(listener('a'));
  b = createServer(listener('b'));
  [portA, portB] = await Promise.all([listen(a), listen(b)]);
});

afterAll(async () => {
  for (const server of [a, b]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const defaults = outboundPolicy();
const loopbackAllowed: OutboundPolicy = { ...defaults, allowLoopback: true };

async function blockedBy(url: string, policy: OutboundPolicy = defaults) {
  const error = await outboundFetch(url, {}, policy).then(
    () => expect.fail(`${url} should have been blocked`),
    (reason: unknown) => reason,
  );
  const blocked = findOutboundBlocked(error);
  expect(blocked, String(error)).toBeDefined();
  return blocked!.message;
}

describe('outboundFetch with the default policy', () => {
  it.each([
    ['http://127.0.0.1:PORT/', '127.0.0.1 is a loopback address'],
    ['http://[::1]:PORT/', '::1 is a loopback address'],
    ['http://0.0.0.0:PORT/', '0.0.0.0 is a unspecified address'],
    ['http://2130706433:PORT/', '127.0.0.1 is a loopback address'],
    ['http://0x7f000001:PORT/', '127.0.0.1 is a loopback address'],
    ['http://0177.0.0.1:PORT/', '127.0.0.1 is a loopback address'],
    ['http://127.1:PORT/', '127.0.0.1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]:PORT/', '::ffff:7f00:1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['http://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe is a cloud metadata address'],
    ['http://10.0.0.1/', '10.0.0.1 is a private address'],
    ['http://localhost:PORT/', 'localhost resolves to 127.0.0.1, a loopback address'],
  ])('refuses %s before any byte is sent', async (url, reason) => {
    const before = seen.length;
    const message = await blockedBy(url.replace('PORT', String(portA)));
    expect(message).toContain(`blocked: ${reason}`);
    expect(seen.length).toBe(before);
  });

  it('opens loopback with OUTBOUND_ALLOW_LOOPBACK, and specific targets with OUTBOUND_ALLOWED_TARGETS', async () => {
    vi.stubEnv('OUTBOUND_ALLOW_LOOPBACK', 'true');
    expect(outboundPolicy().allowLoopback).toBe(true);
    vi.stubEnv('OUTBOUND_ALLOW_LOOPBACK', '');
    vi.stubEnv('OUTBOUND_ALLOWED_TARGETS', '10.20.0.0/16, metadata.internal');
    const policy = outboundPolicy();
    expect(refusal(policy, 'db.corp', '10.20.3.4')).toBeUndefined();
    expect(refusal(policy, 'metadata.internal', '169.254.169.254')).toBeUndefined();
    expect(refusal(policy, 'db.corp', '10.21.0.1')).toBe('private address');
    vi.stubEnv('OUTBOUND_ALLOWED_TARGETS', 'not a host!');
    expect(() => outboundPolicy()).toThrow(
      'Invalid outbound setting OUTBOUND_ALLOWED_TARGETS.0: "not a host!" is not a host name',
    );
    vi.unstubAllEnvs();
    const response = await outboundFetch(`http://127.0.0.1:${portA}/`, {}, loopbackAllowed);
    expect(await response.text()).toBe('hello from a');
  });

  it("lets an org's allowlist open private ranges but never loopback or metadata addresses", () => {
    const org: OutboundPolicy = {
      ...defaults,
      org: allowlistMatcher(['10.0.0.0/8', '127.0.0.1', '169.254.169.254', 'intranet.corp']),
    };
    expect(refusal(org, '10.1.1.1', '10.1.1.1')).toBeUndefined();
    expect(refusal(org, 'intranet.corp', '192.168.0.9')).toBeUndefined();
    expect(refusal(org, '127.0.0.1', '127.0.0.1')).toBe('loopback address');
    expect(refusal(org, '169.254.169.254', '169.254.169.254')).toBe('cloud metadata address');
    expect(refusal(org, 'intranet.corp', '127.0.0.1')).toBe('loopback address');
  });
});

describe('outboundFetch redirects', () => {
  it('checks every hop again: an allowed host cannot redirect to a blocked one', async () => {
    const onlyA: OutboundPolicy = { ...defaults, deployment: allowlistMatcher(['127.0.0.1']) };
    for (const target of ['http://169.254.169.254/', `http://[::1]:${portB}/`, 'file:///etc/passwd']) {
      const message = await blockedBy(`http://127.0.0.1:${portA}/hop?to=${encodeURIComponent(target)}`, onlyA);
      expect(message).toMatch(
        /blocked: (169\.254\.169\.254 is a cloud metadata address|::1 is a loopback address|a redirect may only lead to http:\/\/ or https:\/\/, not file:)/,
      );
    }
  });

  it('drops every credential header on a redirect to another origin, and keeps them on the same origin', async () => {
    seen.length = 0;
    const headers = { authorization: 'Bearer sk-123456', 'x-api-key': 'key-123456' };
    const cross = `http://127.0.0.1:${portA}/start?to=${encodeURIComponent(`http://127.0.0.1:${portB}/end`)}`;
    const response = await outboundFetch(cross, { headers, sensitiveHeaders: ['x-api-key'] }, loopbackAllowed);
    expect(await response.text()).toBe('hello from b');
    const same = `http://127.0.0.1:${portA}/start?to=/end`;
    await (await outboundFetch(same, { headers, sensitiveHeaders: ['x-api-key'] }, loopbackAllowed)).text();
    expect(seen).toEqual([
      { server: 'a', path: '/start', authorization: 'Bearer sk-123456', apiKey: 'key-123456' },
      { server: 'b', path: '/end', authorization: undefined, apiKey: undefined },
      { server: 'a', path: '/start', authorization: 'Bearer sk-123456', apiKey: 'key-123456' },
      { server: 'a', path: '/end', authorization: 'Bearer sk-123456', apiKey: 'key-123456' },
    ]);
  });

  it('stops an endless redirect loop after 10 hops', async () => {
    seen.length = 0;
    const error = await outboundFetch(`http://127.0.0.1:${portA}/forever`, {}, loopbackAllowed).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TooManyRedirects);
    expect((error as Error).message).toBe('stopped after 10 redirects');
    expect(seen).toHaveLength(11);
  });
});
