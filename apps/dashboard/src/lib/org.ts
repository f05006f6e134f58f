import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@dudao/api/router';
import type { RankedBar } from './charts/ranking-bar';

export type OrgNode = inferRouterOutputs<AppRouter>['units']['tree'];

export function countiesOf(node: OrgNode): OrgNode[] {
  if (node.level === 'county') return [node];
  return node.children.flatMap(countiesOf);
}

/** Cities by how many county-level units they hold, most first; ties keep code order. */
export function countyCountBars(province: OrgNode): RankedBar[] {
  return province.children
    .map((city) => ({ name: city.name, value: countiesOf(city).length }))
    .sort((a, b) => b.value - a.value);
}
