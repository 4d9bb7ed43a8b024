import type { Actor } from '../../domain/roles.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { createHttpHandler } from '../http/httpHandler.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { parseJsonBody } from '../http/requestBody.ts';
import { checkImportedItems, ImportBatch } from '../nps/importedResponses.ts';
import type { NpsRecorder } from '../nps/recordNpsResponse.ts';
import type { NpsProviderName } from '../nps/webhookSecrets.ts';
import { parseSignedWebhook } from '../nps/webhookRequest.ts';

export interface NpsHandlerDeps {
  record: NpsRecorder;
  secret: (provider: NpsProviderName) => Promise<string>;
}

/** Survey tools sign their webhooks; the provider is the one who said so. */
const providerActor = (provider: NpsProviderName): Actor => ({ id: `survey-tool:${provider}`, roles: [] });

/** NPS ingestion: the providers' signed webhooks and the admins' bulk import. */
export const createNpsHandler = (deps: NpsHandlerDeps) => {
  const webhook = (provider: NpsProviderName) => async (event: Parameters<typeof parseSignedWebhook>[0]) => {
    const response = parseSignedWebhook(event, provider, await deps.secret(provider));
    // Events that carry no NPS answer (an unsubscribe, a partial form) are acknowledged, not stored.
    if (!response) return jsonResponse(200, { status: 'ignored' });
    const recorded = await deps.record(response, providerActor(provider));
    return jsonResponse(recorded.status === 'recorded' ? 201 : 200, recorded);
  };

  return createHttpHandler('nps', {
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
        if ('response' in check) results.push({ index: check.index, ...(await deps.record(check.response, caller)) });
      }
      return jsonResponse(200, {
        accepted: results.filter((result) => result.status === 'recorded').length,
        duplicates: results.filter((result) => result.status === 'duplicate').length,
        rejected: rejected.map(({ index, errors }) => ({ index, errors })),
        results,
      });
    },
  });
};
