/** Sizes a canvas to `width`×`height` CSS pixels at the screen's density and scales drawing to match. */
export function sizeCanvas(
  element: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
) {
  const ratio = window.devicePixelRatio || 1;
  const pixelsWide = Math.round(width * ratio);
  const pixelsHigh = Math.round(height * ratio);
  if (element.width !== pixelsWide || element.height !== pixelsHigh) {
    element.width = pixelsWide;
    element.height = pixelsHigh;
    element.style.width = `${width}px`;
    element.style.height = `${height}px`;
  }
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
}

/** A colour the theme sets as a CSS custom property, as the element inherits it. */
export function themeColor(element: Element, property: string): string {
  return getComputedStyle(element).getPropertyValue(property).trim();
}
