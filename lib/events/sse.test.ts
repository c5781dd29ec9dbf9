import { expect, it } from 'vitest';
import { encodeEvent } from './sse';

it('frames an event as name, id and one line of JSON data', () => {
  expect(encodeEvent({ event: 'step', id: '7', data: { text: 'two\nlines' } })).toBe(
    'event: step\nid: 7\ndata: {"text":"two\\nlines"}\n\n',
  );
});
