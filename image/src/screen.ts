// Is the screen the kiosk UI's attract screen? Decided from a QMP screendump (PPM) by colour,
// without OCR: the header band is the configured primary colour, most of the rest is the kiosk
// UI's page background or its white attract panel, and the panel is there. A console, a black
// screen, a browser window with tab strip and address bar, a Chromium error page or a
// half-drawn page fail it.

export interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  pixels: Buffer;
}

export function parsePpm(data: Buffer): Image {
  // Header: "P6\n<width> <height>\n<maxval>\n", whitespace-separated, then binary RGB.
  const tokens: string[] = [];
  let offset = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset] ?? 0x20)) && offset < data.length) offset++;
    const start = offset;
    while (!/\s/.test(String.fromCharCode(data[offset] ?? 0x20)) && offset < data.length) offset++;
    tokens.push(data.subarray(start, offset).toString('ascii'));
  }
  const [magic, width, height, maxval] = tokens;
  if (magic !== 'P6' || maxval !== '255') throw new Error(`not an 8-bit P6 PPM (${magic})`);
  const w = Number(width);
  const h = Number(height);
  return { width: w, height: h, pixels: data.subarray(offset + 1, offset + 1 + w * h * 3) };
}

export type Rgb = [number, number, number];

export function hexColour(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

function near(image: Image, index: number, colour: Rgb, tolerance: number): boolean {
  const p = image.pixels;
  return (
    Math.abs((p[index] ?? 0) - colour[0]) <= tolerance &&
    Math.abs((p[index + 1] ?? 0) - colour[1]) <= tolerance &&
    Math.abs((p[index + 2] ?? 0) - colour[2]) <= tolerance
  );
}

/** Share of pixels in rows [fromRow, toRow) that are within `tolerance` of any of `colours`. */
export function share(
  image: Image,
  colours: Rgb[],
  fromRow = 0,
  toRow = image.height,
  tolerance = 12,
): number {
  let hits = 0;
  let total = 0;
  for (let row = fromRow; row < toRow; row++) {
    for (let col = 0; col < image.width; col++) {
      const index = (row * image.width + col) * 3;
      total++;
      if (colours.some((c) => near(image, index, c, tolerance))) hits++;
    }
  }
  return total === 0 ? 0 : hits / total;
}

export interface AttractVerdict {
  ok: boolean;
  headerPrimaryShare: number;
  pageShare: number;
  panelShare: number;
}

// The kiosk UI's page background (#eef2f6 today, #f4f6f8 before; the tolerance takes both).
const pageBackground = hexColour('#f1f4f7');
const white = hexColour('#ffffff');

export function looksLikeAttractScreen(image: Image, primary: Rgb): AttractVerdict {
  // The header band: the first rows below the top edge, where the member's bar is drawn.
  const headerPrimaryShare = share(
    image,
    [primary],
    4,
    Math.max(5, Math.round(image.height * 0.04)),
  );
  const pageShare = share(image, [pageBackground, white]);
  // The white attract panel (title, start button): absent while the page is still being drawn.
  const panelShare = share(image, [white], 0, image.height, 3);
  return {
    ok: headerPrimaryShare >= 0.5 && pageShare >= 0.6 && panelShare >= 0.2,
    headerPrimaryShare: round(headerPrimaryShare),
    pageShare: round(pageShare),
    panelShare: round(panelShare),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
