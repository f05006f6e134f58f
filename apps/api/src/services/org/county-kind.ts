import type { CountyKind } from '@dudao/schema/tables';

/** GB/T 2260 gives codes 71–79 in the county digits to development and functional zones. */
export function countyKind(code: string, name: string): CountyKind {
  const serial = Number(code.slice(4, 6));
  if (serial >= 71 && serial <= 79) return '开发区';
  if (name.endsWith('市')) return '县级市';
  if (name.endsWith('县') || name.endsWith('旗')) return '县';
  return '市辖区';
}
