import type { LucideIconData, LucideIconNode } from 'lucide-react';

/**
 * The theme's `--primary` in its light and dark options (app/globals.css), the colour node icons
 * are drawn in: an icon drawn as an image cannot read the page's colours.
 */
export const NODE_ICON_STROKES = { light: 'oklch(0.55 0.14 200)', dark: 'oklch(0.75 0.13 200)' } as const;

function svgElement([tag, attributes, children = []]: LucideIconNode): string {
  const written = Object.entries(attributes)
    .filter(([name]) => name !== 'key')
    .map(([name, value]) => ` ${name}="${String(value)}"`)
    .join('');
  return `<${tag}${written}>${children.map(svgElement).join('')}</${tag}>`;
}

/** An icon as a standalone SVG document, stroked as lucide-react draws it. */
export function nodeIconSvg(icon: LucideIconData, stroke: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${stroke}" ` +
    `stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${icon.node.map(svgElement).join('')}</svg>`
  );
}

const imageUrl = (svg: string) => `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;

/**
 * The style sheet that draws `icon` as the background of any element with
 * `data-node-icon="<name>"`, in each theme. On the canvas an inline `<svg>` per node is a box of
 * its own to the browser, which lays out every such box again on each frame of a pan; a
 * background image is painted with its node.
 */
export function nodeIconStyleSheet(name: string, icon: LucideIconData): string {
  return [
    `[data-node-icon="${name}"]{background-image:${imageUrl(nodeIconSvg(icon, NODE_ICON_STROKES.light))}}`,
    `.dark [data-node-icon="${name}"]{background-image:${imageUrl(nodeIconSvg(icon, NODE_ICON_STROKES.dark))}}`,
  ].join('\n');
}
