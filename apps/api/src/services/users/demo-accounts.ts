import type { OrgUnit } from '@dudao/schema/tables';
import type { NewUser } from './accounts';

/** Published in the README: demo databases are for trying Dudao, never for real data. */
export const demoPassword = 'dudao-demo-2021';

export function demoAccounts(province: OrgUnit, cities: OrgUnit[], counties: OrgUnit[]): NewUser[] {
  return [
    {
      username: 'admin',
      displayName: `${province.name}民政厅社会救助处`,
      role: 'province_admin',
      scopeCode: province.code,
    },
    {
      username: 'viewer',
      displayName: `${province.name}民政厅（只读）`,
      role: 'province_viewer',
      scopeCode: province.code,
    },
    ...cities.map((c) => ({
      username: `city${c.code}`,
      displayName: `${c.name}民政局`,
      role: 'city_officer' as const,
      scopeCode: c.code,
    })),
    ...counties.map((c) => ({
      username: `county${c.code}`,
      displayName: `${c.name}民政局`,
      role: 'county_clerk' as const,
      scopeCode: c.code,
    })),
  ];
}
