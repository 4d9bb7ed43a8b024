import { capacityDecider } from '../../domain/promises/capacityDecider.ts';
import { escalationDecider } from '../../domain/promises/escalationDecider.ts';
import { rulesOfEngagementDecider } from '../../domain/promises/rulesOfEngagementDecider.ts';
import { createCommandService, type CommandServiceDeps } from '../commands/commandService.ts';
import { catalogueStreamDecider } from './catalogueStream.ts';

/** The promise desk's writes: each stream's decider behind the generic command service (idempotency, races). */
export const createPromiseDeskCommands = (deps: CommandServiceDeps) => ({
  catalogue: createCommandService(catalogueStreamDecider, deps),
  capacity: createCommandService(capacityDecider, deps),
  rules: createCommandService(rulesOfEngagementDecider, deps),
  escalation: createCommandService(escalationDecider, deps),
});
export type PromiseDeskCommands = ReturnType<typeof createPromiseDeskCommands>;
