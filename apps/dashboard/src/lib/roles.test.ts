import { describe, expect, test } from 'vitest';
import { isCurrent, navFor, roleLabels } from './roles';

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
  test('every role can open the organisation page', () => {
    for (const role of ['province_admin', 'province_viewer', 'city_officer', 'county_clerk'] as const) {
      expect(navFor(role).map((i) => i.href)).toContain('/');
    }
  });
});

describe('isCurrent', () => {
  test.each([
    ['/', '/', true],
    ['/', '/login', false],
    ['/reports', '/reports', true],
    ['/reports', '/reports/2021-09', true],
    ['/reports', '/reportsx', false],
  ])('%s is current on %s: %s', (href, pathname, expected) => {
    expect(isCurrent(href, pathname)).toBe(expected);
  });
});
