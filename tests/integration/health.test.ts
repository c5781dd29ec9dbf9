import { inject, describe, expect, it } from 'vitest';

describe('security headers', () => {
  it('sends a nonce-based CSP that forbids framing, and the other hardening headers', async () => {
    const response = await fetch(`${inject('platform').webUrl}/sign-in`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every script the page ships carries the nonce, or the browser would refuse it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });
});

describe('GET /api/health', () => {
  it('answers 200 with every dependency up', async () => {
    const response = await fetch(`${inject('platform').webUrl}/api/health`);
    const body = await response.json();
    expect(body.status).toBe('up');
    expect(response.status).toBe(200);
    for (const name of ['database', 'redis', 'temporal', 'worker', 'collab']) {
      expect(body.dependencies[name]).toMatchObject({ status: 'up' });
    }
    expect(body.dependencies.worker.detail).toContain(inject('platform').taskQueue);
  });
});
