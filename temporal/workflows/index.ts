export * from './diagnostic';
export * from './run-workflow';
