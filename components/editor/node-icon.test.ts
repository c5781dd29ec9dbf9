import { describe, expect, it } from 'vitest';
import { listPaletteNodes } from '@/lib/connectors/palette';
import { NODE_ICONS } from './node-icon';

describe('node icons', () => {
  it('has the icon every node type names, so none falls back to the plain box', () => {
    const missing = listPaletteNodes()
      .filter((node) => !(node.icon in NODE_ICONS))
      .map((node) => `${node.type}: ${node.icon}`);
    expect(missing).toEqual([]);
  });
});
