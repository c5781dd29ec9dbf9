import { NamespaceNotFoundError, ServiceError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { startRefusedForGood } from './start-run-workflow';

/** An error as gRPC gives it: a code, details and metadata. */
function grpcError(code: number, details: string) {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

describe('startRefusedForGood', () => {
  it('gives up on a namespace Temporal lacks and a start it refuses as invalid', () => {
    expect(startRefusedForGood(new NamespaceNotFoundError('missing'))).toBe(true);
    expect(
      startRefusedForGood(new ServiceError('Failed to start Workflow', { cause: grpcError(3, 'input too large') })),
    ).toBe(true);
  });

  it('asks again while Temporal is unreachable, busy or slow', () => {
    for (const code of [14, 8, 4, 13]) {
      expect(
        startRefusedForGood(new ServiceError('Failed to start Workflow', { cause: grpcError(code, 'away') })),
      ).toBe(false);
    }
    expect(startRefusedForGood(new Error('connect ECONNREFUSED 127.0.0.1:7233'))).toBe(false);
  });
});
