import type { Actor } from '../../domain/roles.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { createHttpHandler } from '../http/httpHandler.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { parseJsonBody } from '../http/requestBody.ts';
import { ImportBatch } from '../../domain/nps/importedResponse.ts';
import { checkImportedItems } from '../nps/importedResponses.ts';
import { flushingMetrics, processMetrics, type MetricsRecorder } from '../observability/metrics.ts';
import type { NpsRecorder } from '../nps/recordNpsResponse.ts';
import type { NpsProviderName } from '../nps/webhookSecrets.ts';
import { INVALID_SIGNATURE, parseSignedWebhook } from '../nps/webhookRequest.ts';

export interface NpsHandlerDeps {
  record: NpsRecorder;
  secret: (provider: NpsProviderName) => Promise<string>;
  /** Where webhook outcomes and recorded answers are counted (default: this process's recorder). */
  metrics?: MetricsRecorder;
}

/** Survey tools sign their webhooks; the provider is the one who said so. */
const providerActor = (provider: NpsProviderName): Actor => ({ id: `survey-tool:${provider}`, roles: [] });

/**
 * NPS ingestion: the providers' signed webhooks and the admins' bulk import. A webhook is counted by
 * its outcome (a bad signature, someone misconfigured or forging; an answer recorded; a repeat), and
 * every answer recorded, whichever way it came, by its NPS category.
 */
export const createNpsHandler = (deps: NpsHandlerDeps) => {
  const metrics = deps.metrics ?? processMetrics();
  const webhook = (provider: NpsProviderName) => async (event: Parameters<typeof parseSignedWebhook>[0]) => {
    let response: ReturnType<typeof parseSignedWebhook>;
    try {
      response = parseSignedWebhook(event, provider, await deps.secret(provider));
    } catch (error) {
      if (error instanceof HttpProblem && error.slug === INVALID_SIGNATURE) metrics.webhook(provider, 'rejected');
      throw error;
    }
    // Events that carry no NPS answer (an unsubscribe, a partial form) are acknowledged, not stored.
    if (!response) return jsonResponse(200, { status: 'ignored' });
    const recorded = await deps.record(response, providerActor(provider));
    if (recorded.status === 'recorded') {
      metrics.webhook(provider, 'accepted');
      metrics.npsResponse(response.score);
    } else {
      metrics.webhook(provider, 'duplicate');
    }
    return jsonResponse(recorded.status === 'recorded' ? 201 : 200, recorded);
  };

  return flushingMetrics(
    metrics,
    createHttpHandler('nps', {
      'POST /v1/nps/delighted': webhook('delighted'),
      'POST /v1/nps/typeform': webhook('typeform'),
      'POST /v1/nps/responses': async (event, route) => {
        const caller = callerOf(event);
        requireRole(caller, route);
        const batch = parseJsonBody(event, ImportBatch);
        const checks = checkImportedItems(batch.responses);
        const rejected = checks.flatMap((check) => ('errors' in check ? [check] : []));
        if (rejected.length === checks.length) {
          const errors = rejected.flatMap((check) => check.errors);
          throw new HttpProblem(400, 'validation-failed', `no valid response: ${errors.map((error) => error.path).join(', ')}`, errors);
        }
        const results = [];
        for (const check of checks) {
          if (!('response' in check)) continue;
          const recorded = await deps.record(check.response, caller);
          if (recorded.status === 'recorded') metrics.npsResponse(check.response.score);
          results.push({ index: check.index, ...recorded });
        }
        return jsonResponse(200, {
          accepted: results.filter((result) => result.status === 'recorded').length,
          duplicates: results.filter((result) => result.status === 'duplicate').length,
          rejected: rejected.map(({ index, errors }) => ({ index, errors })),
          results,
        });
      },
    }),
  );
};
