import { env } from '$env/dynamic/private';

export function apiUrl(): string {
  return (env.API_URL || 'http://127.0.0.1:8787').replace(/\/+$/, '');
}
