import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_FONT_FAMILY, withChartFonts } from './chart-fonts';
import type { Chart } from './content';

/** A bar: its height and the figure written on it; 'n/a' (nothing to measure) and 'missing' (not reported) draw no bar of 0. */
export type Bar = { value: number; label: string } | 'n/a' | 'missing';

export interface BarSeries {
  name: string;
  bars: Bar[];
  color: string;
}

export interface BarChartSpec {
  caption: string;
  categories: string[];
  series: BarSeries[];
  yMax: number;
  yName: string;
  /** A horizontal line such as the low-score threshold. */
  markLine?: { value: number; label: string };
}

/** In the document's pixels (96 a inch): 580 px is 153 mm, inside the 156 mm 版心. */
export const WIDTH = 580;
export const HEIGHT = 340;
/** The PNG fallback is drawn 2.5 times larger: 1450 px over 6.04 in is 240 dpi. */
export const PNG_SCALE = 2.5;

const GREY = '#bfbfbf';
const wordFor = { 'n/a': '不适用', missing: '未报送' } as const;
/** Long county names are set at an angle and need a deeper margin below the plot. */
const grid = (spec: BarChartSpec) => ({
  left: 48,
  right: 24,
  top: spec.series.length > 1 ? 48 : 36,
  bottom: spec.categories.length > 8 ? 110 : 48,
});
const FONT_FAMILY = `'${CHART_FONT_FAMILY}', 'Microsoft YaHei', SimHei, sans-serif`;

function barData(spec: BarChartSpec, s: BarSeries, labelSize: number, rotate: number) {
  return s.bars.map((bar) => {
    if (typeof bar === 'object')
      return {
        value: bar.value,
        label: {
          show: true,
          formatter: bar.label,
          position: rotate ? 'insideBottom' : 'top',
          rotate,
          align: rotate ? 'left' : 'center',
          verticalAlign: 'middle',
          fontSize: labelSize,
          color: rotate ? '#fff' : '#000',
        },
      };
    // A short grey stub says why there is no bar, so it never reads as a figure of 0.
    return {
      value: spec.yMax * 0.04,
      itemStyle: { color: GREY, borderColor: '#7f7f7f', borderType: 'dashed', borderWidth: 1 },
      label: {
        show: true,
        formatter: wordFor[bar],
        position: 'top',
        rotate: 90,
        align: 'left',
        verticalAlign: 'middle',
        fontSize: labelSize,
        color: '#404040',
        distance: 4,
      },
    };
  });
}

function option(spec: BarChartSpec): echarts.EChartsCoreOption {
  const rotate = spec.categories.length > 8 ? 40 : 0;
  const bars = spec.categories.length * spec.series.length;
  // Side-by-side bars are narrow: their figures stand upright inside them.
  const labelRotate = bars > 12 ? 90 : 0;
  const labelSize = bars > 30 ? 8 : 10;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    legend:
      spec.series.length > 1
        ? { top: 6, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11, color: '#000' } }
        : undefined,
    grid: { ...grid(spec), containLabel: false },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate, fontSize: 11, color: '#000' } },
    yAxis: {
      type: 'value',
      max: spec.yMax,
      min: 0,
      name: spec.yName,
      nameTextStyle: { fontSize: 11, color: '#000' },
      axisLabel: { fontSize: 11, color: '#000' },
    },
    series: spec.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: barData(spec, s, labelSize, labelRotate),
      itemStyle: { color: s.color },
      barMaxWidth: 28,
      ...(i === 0 && spec.markLine
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              data: [{ yAxis: spec.markLine.value }],
              label: { formatter: spec.markLine.label, fontSize: 11, position: 'insideEndTop', color: '#c23531' },
              lineStyle: { color: '#c23531', type: 'dashed' },
            },
          }
        : {}),
    })),
  };
}

/**
 * A rendered PNG by its SVG. A county chart still takes some 50 ms of a core to render, and the same SVG always gives
 * the same picture, so a document made again for a settled day reuses its charts' pictures.
 */
const pngBySvg = new Map<string, Promise<Buffer>>();
const KEPT_PNGS = 64;

/**
 * The same picture as the SVG, for word processors that cannot draw SVG: rendered from it with the CJK font (see
 * `withChartFonts`), on libuv's thread pool, so a server's event loop goes on answering meanwhile and a document's
 * charts render together.
 */
export function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  const key = `${scale}\n${svg}`;
  const kept = pngBySvg.get(key);
  if (kept) {
    // Most recently used last, so the oldest is the first the map gives up.
    pngBySvg.delete(key);
    pngBySvg.set(key, kept);
    return kept;
  }
  const png = withChartFonts(svg, (font) =>
    renderAsync(svg, { fitTo: { mode: 'zoom', value: scale }, background: '#ffffff', font }),
  ).then((image) => image.asPng());
  pngBySvg.set(key, png);
  png.catch(() => pngBySvg.delete(key));
  if (pngBySvg.size > KEPT_PNGS) pngBySvg.delete(pngBySvg.keys().next().value!);
  return png;
}

/**
 * Rendered on the server to SVG (the caption goes under the image, not into it). The hover-only stylesheet is dropped,
 * and with it the classes naming its rules: they carry the chart instance's number, so the same chart drawn again would
 * be a different SVG, and its picture rendered again.
 */
export function barChart(spec: BarChartSpec): Chart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(option(spec));
    const svg = chart
      .renderToSVGString()
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '');
    return { caption: spec.caption, svg, width: WIDTH, height: HEIGHT };
  } finally {
    chart.dispose();
  }
}
