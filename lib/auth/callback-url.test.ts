import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeCallbackUrl('/runs?status=FAILED')).toBe('/runs?status=FAILED');
    expect(safeCallbackUrl('/invite/abc')).toBe('/invite/abc');
  });

  it('sends anything that could leave the site to the home page', () => {
    for (const attempt of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      '',
      undefined,
      42,
    ]) {
      expect(safeCallbackUrl(attempt)).toBe('/');
    }
  });
});
