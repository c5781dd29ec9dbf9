import { describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';

const gzipAccepted = { headers: { 'accept-encoding': 'gzip' } };

describe('API answers and compression', () => {
  it('sends a JSON answer under 1 KB as it is, marked no-transform', async () => {
    const response = await apiFetch('/api/workflows/00000000-0000-4000-8000-000000000000', gzipAccepted);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).toContain('no-transform');
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'Workflow "00000000-0000-4000-8000-000000000000" was not found' },
    });
  });

  it('gzips a larger JSON answer', async () => {
    const response = await apiFetch('/api/nodes', gzipAccepted);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control') ?? '').not.toContain('no-transform');
    const { items } = (await response.json()) as { items: { type: string }[] };
    expect(items.map((item) => item.type)).toContain('logic.if');
  });
});
