import type { Role } from '@dudao/schema/tables';

export const allRoles: readonly Role[] = ['province_admin', 'province_viewer', 'city_officer', 'county_clerk'];
export const provinceRoles: readonly Role[] = ['province_admin', 'province_viewer'];

/**
 * Every procedure's rule, in one table: who may call it, and which unit(s) of the input must lie inside
 * the caller's scope (none → the call is about the caller's own scope). A procedure missing here cannot be built.
 */
export interface Rule {
  roles: readonly Role[];
  units: (input: never) => (string | undefined)[];
}

const noUnits = () => [];
const unitOf = (i: { unit?: string }) => [i.unit];
const countyOf = (i: { countyCode: string }) => [i.countyCode];

export const rules = {
  'units.tree': { roles: allRoles, units: unitOf },
  'units.get': { roles: allRoles, units: (i: { code: string }) => [i.code] },
  'campaign.get': { roles: allRoles, units: noUnits },
} satisfies Record<string, Rule>;

export type ProcedureName = keyof typeof rules;

export function isWithin(code: string, scopeCode: string): boolean {
  return code.startsWith(scopeCode);
}
