export * from './diagnostic';
export * from './run-workflow';
export * from './for-each-workflow';
export * from './scheduled-run-workflow';
export * from './event-fan-out-workflow';
