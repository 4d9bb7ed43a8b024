export * from './commands.ts';
export * from './decide.ts';
export * from './events.ts';
export * from './outcome.ts';
export * from './ruleViolation.ts';
export * from './scope.ts';
export * from './state.ts';
export * from './decider.ts';
