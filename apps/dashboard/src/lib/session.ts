export type Role = 'province_admin' | 'province_viewer' | 'city_officer' | 'county_clerk';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  /** Someone else set the password (initial or reset): the dashboard keeps the user on /account until it is changed. */
  mustChangePassword?: boolean;
}

export const sessionCookie = 'dudao_session';
