export * from './reports/validation';
export * from './roster/validation';
export * from './cases/validation';
export * from './supervision/validation';
export * from './auth/validation';
export * from './org/validation';
export * from './notices/validation';
export * from './summaries/validation';
