import { describe, expect, test } from 'vitest';
import { homeFor, isCurrent, navFor, roleLabels } from './roles';

describe('roleLabels', () => {
  test.each([
    ['province_admin', '省级管理员'],
    ['province_viewer', '省级只读'],
    ['city_officer', '市级审核'],
    ['county_clerk', '县级填报'],
  ] as const)('%s is shown as %s', (role, label) => {
    expect(roleLabels[role]).toBe(label);
  });
});

describe('navFor', () => {
  test.each([
    ['province_admin', '34', ['全省概览', '确认收件箱', '督办', '报告', '通知']],
    ['province_viewer', '34', ['全省概览', '确认收件箱', '督办', '报告', '通知']],
    ['city_officer', '3403', ['本市概览', '审核收件箱', '督导', '督办', '报告', '通知']],
    ['county_clerk', '340321', ['工作台', '月报填报', '村级台账', '督办单', '本县详情', '通知']],
  ] as const)('%s sees %j', (role, scopeCode, labels) => {
    expect(navFor({ role, scopeCode }).map((i) => i.label)).toEqual(labels);
  });

  test('links point inside the user’s own scope', () => {
    expect(navFor({ role: 'city_officer', scopeCode: '3403' }).map((i) => i.href)).toEqual([
      '/city/3403',
      '/city/3403/inbox',
      '/city/3403/supervision',
      '/city/3403/dispatch',
      '/reports',
      '/notices',
    ]);
    expect(navFor({ role: 'county_clerk', scopeCode: '340321' }).at(-2)?.href).toBe('/county/340321');
  });
});

describe('homeFor', () => {
  test.each([
    ['province_viewer', '34', '/'],
    ['city_officer', '3403', '/city/3403'],
    ['county_clerk', '340321', '/workspace'],
  ] as const)('%s starts at %s', (role, scopeCode, home) => {
    expect(homeFor({ role, scopeCode })).toBe(home);
  });
});

describe('isCurrent', () => {
  test.each([
    [{ href: '/', label: '' }, '/', true],
    [{ href: '/', label: '' }, '/county/340321', false],
    [{ href: '/city/3403', label: '', exact: true }, '/city/3403/inbox', false],
    [{ href: '/city/3403/inbox', label: '' }, '/city/3403/inbox', true],
    [{ href: '/workspace/report', label: '' }, '/workspace/report/2021-09', true],
    [{ href: '/workspace/report', label: '' }, '/workspace/reports', false],
  ])('%j is current on %s: %s', (item, pathname, expected) => {
    expect(isCurrent(item, pathname)).toBe(expected);
  });
});
