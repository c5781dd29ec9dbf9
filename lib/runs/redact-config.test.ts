import { describe, expect, it } from 'vitest';
import { redactConfig } from './redact-config';

describe('redactConfig', () => {
  it('masks values under secret-looking keys at any depth, and keeps the rest', () => {
    expect(
      redactConfig({
        url: 'https://api.example.com/orders?id=7',
        headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k1', Accept: 'application/json' },
        body: { user: 'ada', password: 'hunter2', items: [{ token: 't', sku: 'A' }] },
        auth: { credentialId: 'c-1' },
        clientSecret: 's',
      }),
    ).toEqual({
      url: 'https://api.example.com/orders?id=7',
      headers: { Authorization: '[redacted]', 'X-Api-Key': '[redacted]', Accept: 'application/json' },
      body: { user: 'ada', password: '[redacted]', items: [{ token: '[redacted]', sku: 'A' }] },
      auth: { credentialId: 'c-1' },
      clientSecret: '[redacted]',
    });
  });

  it('masks every value of an auth block but its kind and names', () => {
    expect(redactConfig({ auth: { type: 'header', name: 'X-Key', value: 'v' } })).toEqual({
      auth: { type: 'header', name: 'X-Key', value: '[redacted]' },
    });
    expect(redactConfig({ auth: { type: 'basic', username: 'ada', password: 'p' } })).toEqual({
      auth: { type: 'basic', username: 'ada', password: '[redacted]' },
    });
  });

  it('passes scalars and null through', () => {
    expect(redactConfig('text')).toBe('text');
    expect(redactConfig(null)).toBeNull();
  });
});
