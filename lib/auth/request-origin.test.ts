import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module under test, fresh, with these settings (webEnv() reads them once per module). */
async function withSettings(env: Record<string, string>) {
  vi.resetModules();
  for (const name of ['APP_URL', 'AUTH_URL', 'TRUST_PROXY']) vi.stubEnv(name, env[name] ?? '');
  return import('./request-origin');
}

const forged = {
  host: 'evil.test',
  'x-forwarded-host': 'evil.test',
  'x-forwarded-proto': 'https',
  'x-forwarded-for': '203.0.113.7',
  'x-real-ip': '203.0.113.8',
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('requestBaseUrl', () => {
  it('is the public URL whatever the request claims', async () => {
    const { requestBaseUrl } = await withSettings({ APP_URL: 'https://flow.example.com', TRUST_PROXY: 'true' });
    expect(requestBaseUrl(new Headers(forged))).toBe('https://flow.example.com');
  });

  it('without a public URL, is the Host header; forwarded ones count only behind a declared proxy', async () => {
    const direct = await withSettings({});
    expect(direct.requestBaseUrl(new Headers(forged))).toBe('http://evil.test');
    expect(direct.requestBaseUrl(new Headers())).toBeUndefined();
    const proxied = await withSettings({ TRUST_PROXY: 'true' });
    expect(proxied.requestBaseUrl(new Headers({ ...forged, 'x-forwarded-host': 'flow.example.com' }))).toBe(
      'https://flow.example.com',
    );
  });
});

describe('normalizeForwarding', () => {
  it('drops what a client sent when no proxy is declared, and names the public URL', async () => {
    const { normalizeForwarding } = await withSettings({ APP_URL: 'https://flow.example.com:8443' });
    const headers = new Headers({ ...forged, 'user-agent': 'curl/8' });
    normalizeForwarding(headers);
    expect(Object.fromEntries(headers)).toEqual({
      host: 'evil.test',
      'user-agent': 'curl/8',
      'x-forwarded-host': 'flow.example.com:8443',
      'x-forwarded-proto': 'https',
    });
  });

  it("keeps a declared proxy's headers when there is no public URL", async () => {
    const { normalizeForwarding } = await withSettings({ TRUST_PROXY: 'true' });
    const headers = new Headers(forged);
    normalizeForwarding(headers);
    expect(Object.fromEntries(headers)).toEqual(forged);
  });
});

describe('originFrom', () => {
  it('records the last forwarded address: the one the nearest hop saw', async () => {
    const { originFrom } = await withSettings({});
    expect(originFrom(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'bot/1' }))).toEqual({
      ip: '10.0.0.1',
      userAgent: 'bot/1',
    });
    expect(originFrom(new Headers())).toEqual({ ip: undefined, userAgent: undefined });
  });
});
