import type { Role } from './session';

export const roleLabels: Record<Role, string> = {
  province_admin: '省级管理员',
  province_viewer: '省级只读',
  city_officer: '市级审核',
  county_clerk: '县级填报',
};

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const everyone: readonly Role[] = ['province_admin', 'province_viewer', 'city_officer', 'county_clerk'];

// Only pages that exist; each new page adds its entry with the roles that may open it.
const navItems: readonly NavItem[] = [{ href: '/', label: '组织机构', roles: everyone }];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

export function isCurrent(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
