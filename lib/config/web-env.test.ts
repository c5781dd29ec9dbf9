import { describe, expect, it } from 'vitest';
import { webEnvSchema } from './web-env';

describe('webEnvSchema', () => {
  it('takes the public URL from APP_URL, as an origin, before AUTH_URL', () => {
    expect(webEnvSchema.parse({ APP_URL: 'https://flow.example.com/', AUTH_URL: 'https://auth.example.com' })).toEqual({
      publicUrl: 'https://flow.example.com',
      trustProxy: false,
    });
    expect(webEnvSchema.parse({ AUTH_URL: 'https://flow.example.com:8443/api/auth' })).toEqual({
      publicUrl: 'https://flow.example.com:8443',
      trustProxy: false,
    });
  });

  it('has no public URL and trusts no proxy by default; blank values count as unset', () => {
    expect(webEnvSchema.parse({})).toEqual({ publicUrl: undefined, trustProxy: false });
    expect(webEnvSchema.parse({ APP_URL: ' ', TRUST_PROXY: '' })).toEqual({ publicUrl: undefined, trustProxy: false });
  });

  it('reads TRUST_PROXY as a boolean', () => {
    expect(webEnvSchema.parse({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(webEnvSchema.parse({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('names the setting at fault', () => {
    const paths = (env: Record<string, string>) =>
      webEnvSchema.safeParse(env).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ APP_URL: 'flow.example.com' })).toEqual(['APP_URL']);
    expect(paths({ APP_URL: 'ftp://flow.example.com' })).toEqual(['APP_URL']);
    expect(paths({ TRUST_PROXY: 'maybe' })).toEqual(['TRUST_PROXY']);
  });
});
