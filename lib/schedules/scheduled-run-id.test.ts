import { describe, expect, it } from 'vitest';
import { isUuid } from '../db/ids';
import { scheduledRunId } from './scheduled-run-id';

describe('scheduledRunId', () => {
  it('is a UUID, the same for the same action and different for another', () => {
    const id = scheduledRunId('schedule-a-2026-11-30T10:00:00Z');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect(scheduledRunId('schedule-a-2026-11-30T10:00:00Z')).toBe(id);
    expect(scheduledRunId('schedule-a-2026-11-30T10:01:00Z')).not.toBe(id);
  });
});
