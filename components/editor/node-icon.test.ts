import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listPaletteNodes } from '@/lib/connectors/palette';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NODE_ICONS, NodeIcon } from './node-icon';
import { NODE_ICON_STROKES, nodeIconStyleSheet, nodeIconSvg } from './node-icon-image';

const primaryIn = (css: string, block: string) => new RegExp(`${block} \\{[^}]*--primary: ([^;]+);`).exec(css)?.[1];

describe('node icons', () => {
  it('has the icon every node type names, so none falls back to the plain box', () => {
    const missing = listPaletteNodes()
      .filter((node) => !(node.icon in NODE_ICONS))
      .map((node) => `${node.type}: ${node.icon}`);
    expect(missing).toEqual([]);
  });

  it('draws each icon from lucide-react’s own drawing, with nothing left to the page’s colours', () => {
    for (const [name, icon] of Object.entries(NODE_ICONS)) {
      const attributes = icon.node
        .flatMap(([, drawn]) => Object.keys(drawn))
        .filter((attribute) => attribute !== 'key');
      expect(attributes.length, name).toBeGreaterThan(0);
      // Written as they are: SVG's own attribute names, not React's camel-cased props.
      expect(
        attributes.filter((attribute) => !/^[a-z][a-z0-9-]*$/.test(attribute)),
        name,
      ).toEqual([]);
      expect(nodeIconSvg(icon, 'red'), name).not.toMatch(/currentColor|key=/);
    }
    expect(nodeIconSvg(NODE_ICONS.globe, 'red')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="red" stroke-width="2" ' +
        'stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="10"></circle>' +
        '<path d="M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20"></path><path d="M2 12h20"></path></svg>',
    );
  });

  it('strokes icons in the theme’s primary colour, light and dark', () => {
    const css = readFileSync('app/globals.css', 'utf8');
    expect({ light: primaryIn(css, ':root'), dark: primaryIn(css, '\\.dark') }).toEqual(NODE_ICON_STROKES);
  });

  it('draws an icon in each theme', () => {
    const rules = nodeIconStyleSheet('globe', NODE_ICONS.globe).split('\n');
    expect(rules.map((rule) => rule.slice(0, rule.indexOf('{')))).toEqual([
      '[data-node-icon="globe"]',
      '.dark [data-node-icon="globe"]',
    ]);
    expect(rules[0]).toContain(encodeURIComponent(nodeIconSvg(NODE_ICONS.globe, NODE_ICON_STROKES.light)));
    expect(rules[1]).toContain(encodeURIComponent(nodeIconSvg(NODE_ICONS.globe, NODE_ICON_STROKES.dark)));
  });

  it('draws the plain box for an icon it does not know, whatever its name', () => {
    for (const name of ['no-such-icon', 'toString']) {
      const html = renderToStaticMarkup(createElement(NodeIcon, { name }));
      expect(html, name).toContain('<span aria-hidden="true" data-node-icon="box"');
    }
  });
});
