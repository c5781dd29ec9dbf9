import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '@/lib/definition/layered-layout';
import { unmeasuredLayout } from './unmeasured-node';

describe('unmeasuredLayout', () => {
  it('puts one source handle per output down the right border and the input on the left', () => {
    const { measured, handles } = unmeasuredLayout({ acceptsInput: true, outputs: ['true', 'false'] });
    expect(measured).toEqual(NODE_SIZE);
    const { width, height } = NODE_SIZE;
    // To a millionth of a pixel: thirds of the height are not exact in floating point.
    const rounded = (point: number[]) => point.map((value) => Math.round(value * 1e6) / 1e6);
    expect(handles.map(({ id, type, x, y }) => ({ id, type, centre: rounded([x + 5, y + 5]) }))).toEqual([
      { id: 'true', type: 'source', centre: rounded([width, height / 3]) },
      { id: 'false', type: 'source', centre: rounded([width, (2 * height) / 3]) },
      { id: undefined, type: 'target', centre: rounded([0, height / 2]) },
    ]);
  });

  it('gives a trigger no input handle and an output node no source handle', () => {
    expect(unmeasuredLayout({ acceptsInput: false, outputs: ['out'] }).handles.map((h) => h.type)).toEqual(['source']);
    expect(unmeasuredLayout({ acceptsInput: true, outputs: [] }).handles.map((h) => h.type)).toEqual(['target']);
  });
});
