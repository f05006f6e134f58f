export type Role = 'province_admin' | 'province_viewer' | 'city_officer' | 'county_clerk';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
}

export const sessionCookie = 'dudao_session';
