export * from './types';
export { anhui2021 } from './anhui-2021';
export * from './calendar';
