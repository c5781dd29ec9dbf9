export * from './diagnostic';
export * from './run-workflow';
export * from './for-each-workflow';
