import { DealRuleViolation } from '../../domain/deal/ruleViolation.ts';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { npsAnswerKey } from '../../domain/deal/npsAnswers.ts';
import { unattributedNpsDecider } from '../../domain/nps/unattributedResponse.ts';
import type { Actor } from '../../domain/roles.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService, type CommandServiceDeps } from '../commands/commandService.ts';
import { createDealCommandService } from '../commands/dealCommandService.ts';

export interface RecordedNps {
  responseId: string;
  dealId: string | null;
  /** Whether the answer landed on its deal's stream, or waits on its own for attribution. */
  attributed: boolean;
  /** `duplicate`: this answer (or a later version of it) was already recorded; nothing new counts. */
  status: 'recorded' | 'duplicate';
}

/**
 * Records a customer's NPS answer on its deal's stream, deduplicated by provider and response id.
 * An answer for a deal we do not know (or naming none) is kept on a stream of its own: it still
 * counts for the organisation and is listed for attribution, never dropped.
 */
export const createNpsRecorder = (deps: CommandServiceDeps) => {
  const deals = createDealCommandService(deps);
  const unattributed = createCommandService(unattributedNpsDecider, deps);

  return async (response: NpsResponse, actor: Actor): Promise<RecordedNps> => {
    // The same provider answer at the same update is the same request, whichever way it arrives.
    const fingerprint = `nps:${npsAnswerKey(response)}:${response.updatedAt ?? response.respondedAt}`;
    const base = { responseId: response.responseId, dealId: response.dealId };
    // An answer first kept on its own stream stays there, even when a later version names a deal:
    // recording it on the deal too would count the customer twice. Moving it is an explicit attribution.
    const keptAlone = (await deps.store.readStream(streamKinds.nps.streamId(response))).version > 0;
    if (response.dealId && !keptAlone) {
      try {
        const result = await deals({ dealId: response.dealId, command: { type: 'RecordNpsResponse', body: response }, actor, fingerprint });
        return { ...base, attributed: true, status: result.replayed ? 'duplicate' : 'recorded' };
      } catch (error) {
        if (!(error instanceof DealRuleViolation && error.rule === 'unknown-deal')) throw error;
      }
    }
    const result = await unattributed({
      streamId: streamKinds.nps.streamId(response),
      command: { type: 'RecordNpsResponse', body: response },
      actor,
      fingerprint,
    });
    return { ...base, attributed: false, status: result.replayed ? 'duplicate' : 'recorded' };
  };
};

export type NpsRecorder = ReturnType<typeof createNpsRecorder>;
