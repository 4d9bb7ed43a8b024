import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { header } from '../http/headers.ts';
import { HttpProblem } from '../http/problem.ts';
import { MAX_BODY_BYTES, rawBody } from '../http/requestBody.ts';
import { toNpsResponse as delightedToNpsResponse, type DelightedNpsResponse } from './delightedWebhook.ts';
import {
  DELIGHTED_SIGNATURE_HEADER,
  TYPEFORM_SIGNATURE_HEADER,
  verifyDelightedSignature,
  verifyTypeformSignature,
} from './signatures.ts';
import { toNpsResponse as typeformToNpsResponse, type TypeformNpsResponse } from './typeformWebhook.ts';

export type NpsWebhookProvider = 'delighted' | 'typeform';
export type NpsWebhookResponse = DelightedNpsResponse | TypeformNpsResponse;

interface ProviderWebhook {
  signatureHeader: string;
  verify: (raw: Buffer, header: string | undefined, secret: string) => boolean;
  toNpsResponse: (body: unknown) => NpsWebhookResponse | null;
}

const providers: Record<NpsWebhookProvider, ProviderWebhook> = {
  delighted: {
    signatureHeader: DELIGHTED_SIGNATURE_HEADER,
    verify: verifyDelightedSignature,
    toNpsResponse: delightedToNpsResponse,
  },
  typeform: {
    signatureHeader: TYPEFORM_SIGNATURE_HEADER,
    verify: verifyTypeformSignature,
    toNpsResponse: typeformToNpsResponse,
  },
};

/** The problem a webhook whose signature does not verify is answered with: misconfigured, or forged. */
export const INVALID_SIGNATURE = 'invalid-signature';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A provider's signed webhook request as the NPS response it reports, checked in this order:
 *
 * 1. no secret configured: 500 `webhook-secret-missing` (fail closed; the provider retries later);
 * 2. body over 256 KiB: 413 `body-too-large`;
 * 3. the signature header over the exact request bytes (base64-decoded first when API Gateway says
 *    `isBase64Encoded`), before anything is parsed: 401 `invalid-signature` when missing or wrong,
 *    saying nothing of the expected value;
 * 4. empty, non-UTF-8 or non-JSON body: 400 `invalid-body` / `malformed-json`;
 * 5. the provider's body schema: 400 `validation-failed` naming each path in the provider's body.
 *
 * Returns null for a well-signed event that is not an NPS response (Delighted `unsubscribe.created`
 * or a non-NPS survey type, Typeform `form_response_partial`): answer 200, store nothing.
 */
export const parseSignedWebhook = (
  event: APIGatewayProxyEventV2,
  provider: NpsWebhookProvider,
  secret: string,
): NpsWebhookResponse | null => {
  const webhook = providers[provider];
  if (!secret) {
    throw new HttpProblem(500, 'webhook-secret-missing', `no ${provider} webhook secret is configured`);
  }
  const bytes = rawBody(event);
  if (bytes.length > MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'body-too-large', `the body is ${bytes.length} bytes; the limit is ${MAX_BODY_BYTES}`);
  }
  const signature = header(event, webhook.signatureHeader);
  if (!webhook.verify(bytes, signature, secret)) {
    const detail =
      signature === undefined
        ? `the ${webhook.signatureHeader} header is missing`
        : `the ${webhook.signatureHeader} header does not sign this body`;
    throw new HttpProblem(401, INVALID_SIGNATURE, detail);
  }
  if (bytes.length === 0) {
    throw new HttpProblem(400, 'invalid-body', 'a JSON body is required', [{ path: '(body)', message: 'required' }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    throw new HttpProblem(400, 'malformed-json', `the body is not valid UTF-8 JSON: ${(error as Error).message}`, [
      { path: '(body)', message: 'malformed JSON' },
    ]);
  }
  return webhook.toNpsResponse(json);
};
