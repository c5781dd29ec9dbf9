import { describe, expect, it } from 'vitest';
import { Prisma } from '../db/generated/client';
import { fromPrismaError } from './prisma-errors';

const known = (code: string, meta: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: 'test', meta });

describe('fromPrismaError', () => {
  it('names the columns of a violated unique constraint, leaving out the org', () => {
    const byIndex = known('P2002', {
      table: 'credentials',
      driverAdapterError: {
        cause: { kind: 'UniqueConstraintViolation', constraint: { index: 'credentials_org_id_name_key' } },
      },
    });
    expect(fromPrismaError(byIndex)).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'One with this name already exists',
      details: { fields: ['name'] },
    });
    const byFields = known('P2002', {
      driverAdapterError: { cause: { constraint: { fields: ['org_id', 'email'] } } },
    });
    expect(fromPrismaError(byFields)?.message).toBe('One with this email already exists');
  });

  it('answers 503 with Retry-After when no connection or transaction could be had in time', () => {
    for (const code of ['P2024', 'P2028']) {
      expect(fromPrismaError(known(code, {}))).toMatchObject({
        status: 503,
        code: 'overloaded',
        headers: { 'Retry-After': '1' },
      });
    }
  });

  it('maps a missing record to 404 and leaves everything else alone', () => {
    expect(fromPrismaError(known('P2025', {}))).toMatchObject({ status: 404, code: 'not_found' });
    expect(fromPrismaError(known('P2003', {}))).toBeUndefined();
    expect(fromPrismaError(new Error('boom'))).toBeUndefined();
  });
});
