import { describe, expect, test } from 'vitest';
import type { CountyForecast, CountyStatus, GateForecast } from '@dudao/metrics';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { atRiskBlocks } from './at-risk-paragraph';
import type { Snapshot } from '../snapshot';
import type { ScopeView } from './view';

const campaign = builtinCampaign('anhui-2021');
const gate = (code: string, state: GateForecast['state'], deadline = '2021-10-31'): GateForecast =>
  ({ gate: code, deadline, state }) as GateForecast;
const forecast = (code: string, gates: GateForecast[]): [string, CountyForecast] => [
  code,
  { code, asOf: '2021-10-15', gates, indicators: [], state: null },
];
const county = (code: string, name: string) => ({ code, name, cityCode: '3403' }) as CountyStatus;

// 怀远县 may miss both gates, 五河县 only stations, 固镇县 is on track: two named, in the view's (rank) order.
function view(forecasts: Map<string, CountyForecast> | undefined, level: 'city' | 'province' = 'city'): ScopeView {
  const counties = [county('340321', '怀远县'), county('340322', '五河县'), county('340323', '固镇县')];
  return {
    snapshot: { campaign, asOf: '2021-10-15', forecasts } as Snapshot,
    level,
    code: '3403',
    name: '蚌埠市',
    word: '全市',
    figures: {},
    counties,
    label: (c) => c.name,
  };
}
const threeCounties = new Map([
  forecast('340321', [gate('m2_coordinators', 'will_miss'), gate('m3_stations', 'at_risk')]),
  forecast('340322', [gate('m2_coordinators', 'on_track'), gate('m3_stations', 'will_miss')]),
  forecast('340323', [gate('m2_coordinators', 'on_track'), gate('m3_stations', 'on_track')]),
]);

describe('下一步打算: the counties at risk of missing the next deadline', () => {
  test('names them, the gates and the deadline, in the definition words', () => {
    const [block] = atRiskBlocks(view(threeCounties));
    expect(block).toMatchObject({
      kind: 'paragraph',
      lead: { level: 2, text: '（七）紧盯节点抓好按期完成。' },
    });
    const text = (block as { text: string }).text;
    expect(text).toContain('怀远县、五河县等2个县区的村级协理员全覆盖和服务站（点）初步建成可能无法在10月31日前完成');
    expect(text).not.toContain('固镇县');
    expect(text).toContain('中位增速');
  });

  test('nothing when every county is on track, after the deadline, or in the province summary', () => {
    const onTrack = new Map([forecast('340321', [gate('m2_coordinators', 'on_track')])]);
    expect(atRiskBlocks(view(onTrack))).toEqual([]);
    expect(atRiskBlocks(view(new Map([forecast('340321', [])])))).toEqual([]);
    expect(atRiskBlocks(view(threeCounties, 'province'))).toEqual([]);
    expect(atRiskBlocks(view(undefined))).toEqual([]);
  });
});
