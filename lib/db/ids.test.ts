import { describe, expect, it } from 'vitest';
import { isUuid, uuidV7 } from './ids';

describe('uuidV7', () => {
  it('puts the milliseconds first, then version 7 and the RFC variant', () => {
    const at = Date.UTC(2026, 11, 1, 4, 0, 0, 123);
    const id = uuidV7(at);
    expect(isUuid(id)).toBe(true);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('orders ids made in later milliseconds after earlier ones, and never repeats', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuidV7(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => uuidV7(1_700_000_000_000))).size).toBe(1000);
  });
});
