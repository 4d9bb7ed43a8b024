import type { DealCommand } from '../../domain/deal/commands.ts';
import { dealDecider } from '../../domain/deal/decider.ts';
import { dealStreamId } from '../../domain/streams.ts';
import { createCommandService, type CommandRequest, type CommandServiceDeps } from './commandService.ts';

export type DealCommandRequest = Omit<CommandRequest<DealCommand>, 'streamId'> & { dealId: string };

export interface DealCommandResult {
  dealId: string;
  version: number;
  /** True when nothing new was recorded: a retry answered with its first response, or a repeat. */
  replayed: boolean;
}

/** Commands on one deal's stream (`deal#<dealId>`), decided by the deal's rules (or a decider observing them). */
export const createDealCommandService = (deps: CommandServiceDeps, decider: typeof dealDecider = dealDecider) => {
  const run = createCommandService(decider, deps);
  return async ({ dealId, ...request }: DealCommandRequest): Promise<DealCommandResult> => ({
    dealId,
    ...(await run({ ...request, streamId: dealStreamId(dealId) })),
  });
};

export type DealCommandService = ReturnType<typeof createDealCommandService>;
