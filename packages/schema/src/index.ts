export * from './tables';
export * from './inputs';
export * from './campaign/index';
