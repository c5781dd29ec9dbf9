import { describe, expect, it } from 'vitest';
import { UNMEASURED_NODE_SIZE, unmeasuredLayout } from './unmeasured-node';

describe('unmeasuredLayout', () => {
  it('puts one source handle per output down the right border and the input on the left', () => {
    const { measured, handles } = unmeasuredLayout({ acceptsInput: true, outputs: ['true', 'false'] });
    expect(measured).toEqual(UNMEASURED_NODE_SIZE);
    const { width, height } = UNMEASURED_NODE_SIZE;
    expect(handles.map(({ id, type, x, y }) => ({ id, type, centre: [x + 5, y + 5] }))).toEqual([
      { id: 'true', type: 'source', centre: [width, height / 3] },
      { id: 'false', type: 'source', centre: [width, (2 * height) / 3] },
      { id: undefined, type: 'target', centre: [0, height / 2] },
    ]);
  });

  it('gives a trigger no input handle and an output node no source handle', () => {
    expect(unmeasuredLayout({ acceptsInput: false, outputs: ['out'] }).handles.map((h) => h.type)).toEqual(['source']);
    expect(unmeasuredLayout({ acceptsInput: true, outputs: [] }).handles.map((h) => h.type)).toEqual(['target']);
  });
});
