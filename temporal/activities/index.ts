export * from './diagnostics';
export * from './record-progress';
export * from './child-runs';
export * from './scheduled-runs';
export * from './event-fan-out';
