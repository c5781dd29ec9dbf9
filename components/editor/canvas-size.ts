/** The editor canvas's size in CSS pixels. */
export interface CanvasSize {
  width: number;
  height: number;
}

/** Where the browser keeps the canvas's last size, for the server to fit the first view to. */
export const CANVAS_SIZE_COOKIE = 'fo-canvas-size';

/** Until this browser has shown the editor: the canvas of a 1440 × 900 window. */
export const DEFAULT_CANVAS_SIZE: CanvasSize = { width: 960, height: 847 };

const SIZE = /^(\d{3,5})x(\d{3,5})$/;

/** The size a `<width>x<height>` cookie gives, or the default for anything else. */
export function parseCanvasSize(value: string | undefined): CanvasSize {
  const match = value ? SIZE.exec(value) : null;
  return match ? { width: Number(match[1]), height: Number(match[2]) } : DEFAULT_CANVAS_SIZE;
}

/** Keeps the canvas's size (`<width>x<height>`) for the next page the server draws. */
export function rememberCanvasSize(size: string) {
  if (!SIZE.test(size) || document.cookie.includes(`${CANVAS_SIZE_COOKIE}=${size}`)) return;
  document.cookie = `${CANVAS_SIZE_COOKIE}=${size}; path=/; max-age=31536000; samesite=lax`;
}
