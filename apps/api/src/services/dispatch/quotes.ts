import { chineseDate } from '@dudao/metrics';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { provinceStatusAt } from '../known/status-at';

export type DispatchLink = { indicator: string } | { reason: string };

export type DispatchQuote =
  | {
      county: string;
      kind: 'indicator';
      code: string;
      name: string;
      value: number | null;
      expected: number | null;
      status: string | null;
      unit: string | null;
    }
  | { county: string; kind: 'reason'; code: string; text: string; figures: Record<string, number | string | null> };

/** The linked indicators and lagging reasons of each county, with their figures as the status answer gave them on `issuedOn`. */
export async function quoteLinks(
  ctx: Ctx<'campaign'>,
  counties: string[],
  links: DispatchLink[],
  issuedOn: string,
): Promise<DispatchQuote[]> {
  if (links.length === 0) return [];
  const { campaign } = ctx;
  const status = await provinceStatusAt(ctx, issuedOn);
  const byCode = new Map(status.counties.map((c) => [c.code, c]));
  return counties.flatMap((code) => {
    const county = byCode.get(code);
    if (!county) throw new DomainError('bad_request', `督办县区：${code} 在${chineseDate(issuedOn)}没有状态数据`);
    return links.map((link): DispatchQuote => {
      if ('indicator' in link) {
        const def = campaign.indicators.find((i) => i.code === link.indicator);
        const figure = county.indicators[link.indicator];
        if (!def || !figure) throw new DomainError('bad_request', '关联指标：所选指标不是本活动的指标');
        return {
          county: code,
          kind: 'indicator',
          code: def.code,
          name: def.name,
          value: figure.value,
          expected: figure.expected,
          status: figure.status,
          unit: def.unit ?? null,
        };
      }
      const reason = county.reasons.find((r) => r.code === link.reason);
      if (!reason)
        throw new DomainError(
          'bad_request',
          `关联滞后原因：${county.name}在${chineseDate(issuedOn)}已没有所选的滞后原因，请刷新页面后重新选择`,
        );
      return { county: code, kind: 'reason', code: reason.code, text: reason.text, figures: reason.figures };
    });
  });
}
