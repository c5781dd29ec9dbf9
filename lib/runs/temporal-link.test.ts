import { describe, expect, it } from 'vitest';
import { temporalRunUrl } from './temporal-link';

describe('temporalRunUrl', () => {
  it("opens the run's workflow in its namespace", () => {
    expect(temporalRunUrl('run-1', { TEMPORAL_UI_URL: 'http://127.0.0.1:8233/', TEMPORAL_NAMESPACE: 'team a' })).toBe(
      'http://127.0.0.1:8233/namespaces/team%20a/workflows/run-1',
    );
  });

  it('is null when the UI address is unknown', () => {
    expect(temporalRunUrl('run-1', { TEMPORAL_UI_URL: undefined, TEMPORAL_NAMESPACE: 'default' })).toBeNull();
  });
});
