import { describe, expect, it } from 'vitest';
import type { FlowNodeType } from './flow-node';
import { createNodeKeeper } from './graph-view';

const node = (id: string, overrides: Partial<FlowNodeType> = {}): FlowNodeType => ({
  id,
  type: 'flow',
  position: { x: 0, y: 0 },
  data: {
    label: id,
    type: 'http.request',
    icon: 'globe',
    acceptsInput: true,
    outputs: ['out'],
    problems: [],
    selectedBy: [],
  },
  ...overrides,
});

describe('createNodeKeeper', () => {
  it('hands back the previous array when no node changed', () => {
    const keep = createNodeKeeper();
    const first = keep([node('a'), node('b')]);
    expect(keep([node('a'), node('b')])).toBe(first);
  });

  it('replaces only the node that changed, keeping the others and its data object', () => {
    const keep = createNodeKeeper();
    const [a, b] = keep([node('a'), node('b')]);
    const next = keep([node('a'), node('b', { measured: { width: 210, height: 70 } })]);
    expect(next[0]).toBe(a);
    expect(next[1]).not.toBe(b);
    expect(next[1].measured).toEqual({ width: 210, height: 70 });
    expect(next[1].data).toBe(b.data);
  });

  it('sees changes to positions, selection and data compared by value', () => {
    const keep = createNodeKeeper();
    const [a] = keep([node('a')]);
    const [moved] = keep([node('a', { position: { x: 20, y: 0 } })]);
    expect(moved).not.toBe(a);
    const [selected] = keep([node('a', { position: { x: 20, y: 0 }, selected: true })]);
    expect(selected).not.toBe(moved);
    const flagged = node('a', { position: { x: 20, y: 0 }, selected: true });
    flagged.data.problems = ['url is required'];
    const [withProblem] = keep([flagged]);
    expect(withProblem).not.toBe(selected);
    expect(withProblem.data.problems).toEqual(['url is required']);
  });

  it('follows nodes added and removed', () => {
    const keep = createNodeKeeper();
    const [a] = keep([node('a')]);
    const added = keep([node('a'), node('b')]);
    expect(added[0]).toBe(a);
    expect(added).toHaveLength(2);
    expect(keep([node('b')]).map((n) => n.id)).toEqual(['b']);
  });
});
