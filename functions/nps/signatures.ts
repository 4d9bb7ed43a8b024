import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures of the NPS providers, checked over the exact request bytes (never over JSON
 * parsed and serialised again, which changes spacing, key order and escapes).
 *
 * - Delighted: `X-Delighted-Webhook-Signature: sha256=<hex HMAC-SHA256(raw body, secret)>`
 * - Typeform:  `Typeform-Signature: sha256=<base64 HMAC-SHA256(raw body, secret)>`
 *
 * A missing or malformed header, a digest in the other provider's encoding, or an empty secret is
 * simply "not verified": the functions never throw and never say what was expected.
 */

export const DELIGHTED_SIGNATURE_HEADER = 'X-Delighted-Webhook-Signature';
export const TYPEFORM_SIGNATURE_HEADER = 'Typeform-Signature';

const SHA256_BYTES = 32;
const PREFIX = /^sha256=/i;
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
/** Standard (not URL-safe) base64 of 32 bytes: 43 characters and one `=` of padding. */
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=$/;

const hmacSha256 = (raw: Buffer, secret: string): Buffer => createHmac('sha256', secret).update(raw).digest();

/** The digest after `sha256=`, or undefined when the header is absent or not of that form. */
const digestText = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  const value = header.trim();
  return PREFIX.test(value) ? value.slice('sha256='.length) : undefined;
};

const sameBytes = (expected: Buffer, received: Buffer): boolean =>
  expected.length === received.length && timingSafeEqual(expected, received);

/** Whether `header` is Delighted's signature of `raw` under `secret` (hex digest, either letter case). */
export const verifyDelightedSignature = (raw: Buffer, header: string | undefined, secret: string): boolean => {
  const digest = digestText(header);
  if (!secret || digest === undefined || !HEX_DIGEST.test(digest)) return false;
  return sameBytes(hmacSha256(raw, secret), Buffer.from(digest, 'hex'));
};

/** Whether `header` is Typeform's signature of `raw` under `secret` (standard base64 digest). */
export const verifyTypeformSignature = (raw: Buffer, header: string | undefined, secret: string): boolean => {
  const digest = digestText(header);
  if (!secret || digest === undefined || !BASE64_DIGEST.test(digest)) return false;
  const received = Buffer.from(digest, 'base64');
  return received.length === SHA256_BYTES && sameBytes(hmacSha256(raw, secret), received);
};
