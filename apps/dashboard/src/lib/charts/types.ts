import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';

/** The options the registered ECharts parts understand; add a type here when Chart.svelte registers a new part. */
export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TitleComponentOption | TooltipComponentOption>;
