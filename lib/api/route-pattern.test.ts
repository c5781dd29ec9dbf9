import { describe, expect, it } from 'vitest';
import { routePattern } from './route-pattern';

describe('routePattern', () => {
  it('names each segment that is a route parameter', () => {
    const runId = '0b7f0d3e-1f7a-4c1e-9f59-2d1d6c1c7a10';
    expect(routePattern(`/api/runs/${runId}/approvals/review`, { id: runId, nodeId: 'review' })).toBe(
      '/api/runs/:id/approvals/:nodeId',
    );
  });

  it('leaves a path without parameters as it is', () => {
    expect(routePattern('/api/workflows', {})).toBe('/api/workflows');
  });

  it('matches a parameter whose segment is percent-encoded', () => {
    expect(routePattern('/api/credentials/a%20b', { id: 'a b' })).toBe('/api/credentials/:id');
  });
});
