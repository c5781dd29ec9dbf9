import { describe, expect, it } from 'vitest';
import { canonicalJson, definitionChecksum } from './definition-checksum';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('drops undefined values as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('definitionChecksum', () => {
  it('is the sha256 hex of the canonical JSON, independent of key order', () => {
    const checksum = definitionChecksum({ nodes: [], edges: [] });
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(definitionChecksum({ edges: [], nodes: [] })).toBe(checksum);
    expect(definitionChecksum({ nodes: [], edges: [{}] })).not.toBe(checksum);
  });
});
