import { describe, expect, it } from 'vitest';
import { credentialIdOf } from './guard';

describe('credentialIdOf', () => {
  it("finds the credential in `credentialId`, or in an HTTP node's credential auth", () => {
    expect(credentialIdOf({ credentialId: 'c1', channel: '#x' })).toBe('c1');
    expect(credentialIdOf({ url: 'https://x', auth: { type: 'credential', credentialId: 'c2' } })).toBe('c2');
  });

  it('finds none in a node without one, or with auth given inline', () => {
    expect(credentialIdOf({ url: 'https://x', auth: { type: 'bearer', token: 't' } })).toBeUndefined();
    expect(credentialIdOf({ code: 'return 1' })).toBeUndefined();
    expect(credentialIdOf(undefined)).toBeUndefined();
  });
});
