import { describe, expect, it } from 'vitest';
import { mayDecide, recordedApprovers } from './approvers';

const editor = { userId: '0190-a', email: 'Dana@Example.com', role: 'EDITOR' as const };

describe('mayDecide', () => {
  it('lets anyone decide when no approvers are named', () => {
    expect(mayDecide([], editor)).toBe(true);
  });

  it('matches a user by email, whatever its case, or by id', () => {
    expect(mayDecide(['dana@example.com'], editor)).toBe(true);
    expect(mayDecide(['0190-a'], editor)).toBe(true);
    expect(mayDecide(['sam@example.com', '0190-b'], editor)).toBe(false);
  });

  it('matches a role and every role above it', () => {
    expect(mayDecide(['role:editor'], editor)).toBe(true);
    expect(mayDecide(['role:admin'], editor)).toBe(false);
    expect(mayDecide(['role:admin'], { ...editor, role: 'OWNER' })).toBe(true);
    expect(mayDecide(['role:boss'], editor)).toBe(false);
  });
});

describe('recordedApprovers', () => {
  it('reads the strings a waiting step recorded, and nothing else', () => {
    expect(recordedApprovers({ message: 'ok?', approvers: ['a@b.c', 3, 'role:admin'] })).toEqual([
      'a@b.c',
      'role:admin',
    ]);
    expect(recordedApprovers(null)).toEqual([]);
    expect(recordedApprovers({ message: 'ok?' })).toEqual([]);
  });
});
