import type { ApiFunction } from '../http/routes.ts';

/**
 * Every Lambda entry file, relative to the project root: what the CDK app bundles. Each entry builds its
 * handler from functions/handlers/composition.ts; the handler factory it names sits beside it (`x.lambda.ts` → `x.ts`).
 */

/** The functions behind the HTTP API, one per `ApiFunction` of the route table. */
export const functionEntries: Record<ApiFunction, string> = {
  commands: 'functions/handlers/commands.lambda.ts',
  queries: 'functions/handlers/queries.lambda.ts',
  nps: 'functions/handlers/nps.lambda.ts',
  incentives: 'functions/handlers/incentives.lambda.ts',
  promises: 'functions/handlers/promises.lambda.ts',
  briefs: 'functions/handlers/briefs.lambda.ts',
};

/** Functions fed by the events table's stream rather than by HTTP. */
export const streamConsumerEntries = {
  projector: 'functions/handlers/projector.lambda.ts',
  publisher: 'functions/handlers/publisher.lambda.ts',
} as const;

/** Functions started by a schedule. */
export const scheduledEntries = {
  monthClose: 'functions/handlers/monthCloseSchedule.lambda.ts',
  escalationSweep: 'functions/handlers/escalationSweep.lambda.ts',
  weeklyBrief: 'functions/handlers/weeklyBriefSchedule.lambda.ts',
} as const;
