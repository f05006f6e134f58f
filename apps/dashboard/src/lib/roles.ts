import type { Role, SessionUser } from './session';

export const roleLabels: Record<Role, string> = {
  province_admin: '省级管理员',
  province_viewer: '省级只读',
  city_officer: '市级审核',
  county_clerk: '县级填报',
};

export interface NavItem {
  href: string;
  label: string;
  /** Current only on this exact path, not on the pages below it. */
  exact?: boolean;
}

/** Only pages that exist, for the scope the user holds; a county's report page is named by the campaign's report name. */
export function navFor(user: Pick<SessionUser, 'role' | 'scopeCode'>, reportName = '月报'): NavItem[] {
  const code = user.scopeCode;
  switch (user.role) {
    case 'province_admin':
    case 'province_viewer':
      return [
        { href: '/', label: '全省概览', exact: true },
        { href: '/inbox', label: '确认收件箱' },
        { href: '/dispatch', label: '督办' },
        { href: '/reports', label: '报告' },
        { href: '/notices', label: '通知' },
      ];
    case 'city_officer':
      return [
        { href: `/city/${code}`, label: '本市概览', exact: true },
        { href: `/city/${code}/inbox`, label: '审核收件箱' },
        { href: `/city/${code}/supervision`, label: '督导' },
        { href: `/city/${code}/dispatch`, label: '督办' },
        { href: '/reports', label: '报告' },
        { href: '/notices', label: '通知' },
      ];
    case 'county_clerk':
      return [
        { href: '/workspace', label: '工作台', exact: true },
        { href: '/workspace/report', label: `${reportName}填报` },
        { href: '/workspace/roster', label: '村级台账' },
        { href: '/workspace/dispatch', label: '督办单' },
        { href: `/county/${code}`, label: '本县详情' },
        { href: '/notices', label: '通知' },
      ];
  }
}

/** Where each role starts: its own overview or workspace. */
export function homeFor(user: Pick<SessionUser, 'role' | 'scopeCode'>): string {
  if (user.role === 'city_officer') return `/city/${user.scopeCode}`;
  if (user.role === 'county_clerk') return '/workspace';
  return '/';
}

export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
