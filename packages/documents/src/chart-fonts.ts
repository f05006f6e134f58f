import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * The fonts a chart's PNG is rendered with. resvg reads a font's whole file again for every text and every glyph it
 * draws: with the system's fonts that is 20 MB of Noto Sans CJK some 60 times a chart, 250 ms of copying, most of a
 * document's time. So each chart is rendered with a subset of that font holding only the characters it writes, a
 * file of a few kilobytes cut by HarfBuzz's subsetter; the picture is the same to the pixel. Where the font or the
 * subsetter is missing, the system's fonts are used as before: slower, never wrong.
 */

export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

type FontOptions = NonNullable<ResvgRenderOptions['font']>;
const systemFonts: FontOptions = { loadSystemFonts: true, defaultFontFamily: CHART_FONT_FAMILY };

// Node's global, which @types/node 20 leaves to the DOM library.
declare const WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };

/** The exports of harfbuzz-subset.wasm this file calls (HarfBuzz's C API, pointers as numbers). */
interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
/**
 * Hinting (resvg does not hint) and the glyphs reachable only through layout rules (a chart sets its text horizontally,
 * in its characters' default forms) are left out: the cut takes 3 ms instead of 13, and draws the same pixels.
 */
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;

interface Subsetter {
  hb: HarfBuzz;
  face: number;
}

/** The file and face index fontconfig gives for the family, if it is that family and not a fallback for it. */
function locateFont(): { file: string; index: number } | null {
  const found = execFileSync('fc-match', ['-f', '%{family}\n%{file}\n%{index}', CHART_FONT_FAMILY], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).split('\n');
  const [families, file, index] = found;
  if (!families?.split(',').includes(CHART_FONT_FAMILY) || !file) return null;
  return { file, index: Number(index) || 0 };
}

async function loadSubsetter(): Promise<Subsetter | null> {
  try {
    const font = locateFont();
    if (!font) return null;
    const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as HarfBuzz;
    hb._initialize();
    // Read once and kept for the life of the process: every subset is cut from it.
    const bytes = readFileSync(font.file);
    const at = hb.malloc(bytes.byteLength);
    new Uint8Array(hb.memory.buffer).set(bytes, at);
    const blob = hb.hb_blob_create(at, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, font.index);
    hb.hb_blob_destroy(blob);
    return { hb, face };
  } catch {
    return null;
  }
}

let subsetter: Promise<Subsetter | null> | undefined;

/** Every character the SVG writes: the text between its tags (an escaped `&amp;` adds a few letters, no harm). */
const charactersOf = (svg: string): Set<number> =>
  new Set(Array.from((svg.match(/>[^<]+</g) ?? []).join(''), (c) => c.codePointAt(0)!));

function cutSubset({ hb, face }: Subsetter, characters: Set<number>): Buffer | null {
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) return null;
  const wanted = hb.hb_subset_input_unicode_set(input);
  for (const c of characters) hb.hb_set_add(wanted, c);
  hb.hb_subset_input_set_flags(
    input,
    hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE,
  );
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) return null;
  const blob = hb.hb_face_reference_blob(subset);
  const at = hb.hb_blob_get_data(blob, 0);
  // Copied out before anything else runs in the module: its memory may grow and move.
  const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, at, hb.hb_blob_get_length(blob)));
  hb.hb_blob_destroy(blob);
  hb.hb_face_destroy(subset);
  return bytes.byteLength > 0 ? bytes : null;
}

/**
 * Runs `render` with the fonts to draw the SVG: a subset font file made for it and removed once `render` settles (resvg
 * takes fonts by path only; buffers it is given go through JSON), or the system's fonts.
 */
export async function withChartFonts<T>(svg: string, render: (font: FontOptions) => Promise<T>): Promise<T> {
  subsetter ??= loadSubsetter();
  const s = await subsetter;
  const bytes = s ? cutSubset(s, charactersOf(svg)) : null;
  if (!s || !bytes) return render(systemFonts);
  // A folder per render, removed with its file: a process ended by a signal leaves nothing behind.
  const dir = mkdtempSync(join(tmpdir(), 'dudao-chart-font-'));
  const file = join(dir, 'subset.otf');
  try {
    writeFileSync(file, bytes);
    return await render({ loadSystemFonts: false, fontFiles: [file], defaultFontFamily: CHART_FONT_FAMILY });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
