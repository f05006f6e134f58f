import { inflateSync } from 'node:zlib';

/** An 8-bit RGB or RGBA PNG decoded with nothing but zlib, so a test reads the pixels a word processor would show. */
export function decodePng(png: Buffer): {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
} {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('only 8-bit PNGs');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      if (!channels) throw new Error('only RGB/RGBA PNGs');
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const v = [x, x + a, x + b, x + ((a + b) >> 1), x + paeth][filter ?? 0]!;
      out[y * stride + i] = v & 0xff;
    }
  }
  return {
    width,
    height,
    rgb: (x, y) => [
      out[y * stride + x * channels]!,
      out[y * stride + x * channels + 1]!,
      out[y * stride + x * channels + 2]!,
    ],
  };
}

/** How many pixels of a box (in the picture's own pixels) match a colour test. */
export function countPixels(
  img: ReturnType<typeof decodePng>,
  box: { x0: number; y0: number; x1: number; y1: number },
  match: (rgb: [number, number, number]) => boolean,
): number {
  let n = 0;
  for (let y = Math.round(box.y0); y < Math.round(box.y1); y++)
    for (let x = Math.round(box.x0); x < Math.round(box.x1); x++) if (match(img.rgb(x, y))) n++;
  return n;
}
