import { describe, expect, test } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { barChart, PNG_SCALE, svgToPng, WIDTH, type BarChartSpec } from './charts';
import { countPixels, decodePng } from './test-support/png';

// Two counties: 甲县 scored 80.0, 乙县 has nothing to measure. The plot (single series, two categories) spans
// x 48…556 and y 36…292 of the 580 × 340 chart, so 甲县's slot is centred at 48 + 508 / 4 = 175 and 乙县's at 429;
// 甲县's bar tops at 292 − 0.8 × 256 = 87.2.
const spec: BarChartSpec = {
  caption: '图1',
  categories: ['甲县', '乙县'],
  series: [{ name: '综合得分', color: '#3b6fb6', bars: [{ value: 80, label: '80.0' }, 'n/a'] }],
  yMax: 100,
  yName: '分',
};
const chart = barChart(spec);
const img = decodePng(await svgToPng(chart.svg));
const s = PNG_SCALE;
const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0: x0 * s, y0: y0 * s, x1: x1 * s, y1: y1 * s });
const dark = ([r, g, b]: [number, number, number]) => r < 90 && g < 90 && b < 90;
const blue = ([r, g, b]: [number, number, number]) =>
  Math.abs(r - 0x3b) < 20 && Math.abs(g - 0x6f) < 20 && Math.abs(b - 0xb6) < 20;
const grey = ([r, g, b]: [number, number, number]) => r === g && g === b && r > 150 && r < 220;

describe('chart PNG fallback, rendered from the SVG', () => {
  test('is at least 200 dpi for its width in the document', () => {
    // 580 document pixels are 580 / 96 = 6.04 in; 200 dpi needs 1209 pixels.
    expect(img.width).toBe(WIDTH * s);
    expect(img.width / (WIDTH / 96)).toBeGreaterThanOrEqual(200);
  });

  test('draws 甲县 as a bar with its figure written above it', () => {
    expect(countPixels(img, box(165, 100, 185, 280), blue)).toBeGreaterThan(100 * s * s);
    expect(countPixels(img, box(160, 66, 190, 86), dark)).toBeGreaterThan(20);
  });

  test('draws 乙县 as a grey stub labelled 不适用, not as an empty slot that reads 0', () => {
    expect(countPixels(img, box(415, 282, 443, 291), grey)).toBeGreaterThan(20);
    expect(countPixels(img, box(415, 200, 443, 280), blue)).toBe(0);
    expect(countPixels(img, box(420, 220, 440, 281), ([r, g, b]) => r < 110 && g < 110 && b < 110)).toBeGreaterThan(20);
  });

  test('has its Chinese category names under the axis and the figures of the value axis left of it', () => {
    expect(countPixels(img, box(150, 296, 200, 320), dark)).toBeGreaterThan(40);
    expect(countPixels(img, box(404, 296, 454, 320), dark)).toBeGreaterThan(40);
    expect(countPixels(img, box(5, 25, 46, 300), dark)).toBeGreaterThan(40);
  });

  test('an empty picture would fail: the area right of the plot is blank', () => {
    expect(countPixels(img, box(560, 60, 578, 280), dark)).toBe(0);
  });

  test('the same chart drawn again is the same SVG, so a document made again for a settled day reuses its picture', async () => {
    const again = barChart(spec);
    expect(again.svg).toBe(chart.svg);
    expect(await svgToPng(again.svg)).toBe(await svgToPng(chart.svg));
  });

  test("is the picture the system's whole fonts draw, to the pixel, though rendered with a subset of them", async () => {
    const whole = new Resvg(chart.svg, {
      fitTo: { mode: 'zoom', value: s },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    }).render();
    expect(whole.asPng().equals(await svgToPng(chart.svg))).toBe(true);
  });
});
