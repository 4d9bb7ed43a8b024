import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyDelightedSignature, verifyTypeformSignature } from '../../functions/nps/signatures.ts';

/**
 * Both providers sign the exact request bytes with HMAC-SHA256 under the webhook secret:
 * Delighted as `sha256=<hex>`, Typeform as `sha256=<base64>`. The fixtures are the providers'
 * documented body formats, kept as files so the signed bytes are the bytes on disk.
 */

const SECRET = 'test-webhook-secret-7d1f0c';
const OTHER_SECRET = 'another-webhook-secret-42ab';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/nps/${name}`, import.meta.url));
const hmac = (raw: Buffer, secret: string): Buffer => createHmac('sha256', secret).update(raw).digest();
const hexSignature = (raw: Buffer, secret = SECRET): string => `sha256=${hmac(raw, secret).toString('hex')}`;
const base64Signature = (raw: Buffer, secret = SECRET): string => `sha256=${hmac(raw, secret).toString('base64')}`;

/** The same bytes with one byte changed, in the middle of the body. */
const oneByteChanged = (raw: Buffer): Buffer => {
  const changed = Buffer.from(raw);
  const at = Math.floor(changed.length / 2);
  changed[at] = changed[at]! ^ 0x01;
  return changed;
};

const delightedBody = fixture('delighted-survey-response-updated.json');
const typeformBody = fixture('typeform-form-response.json');

describe('verifyDelightedSignature', () => {
  it('given the documented body signed with the secret as sha256=<hex>, when verified, then it is accepted', () => {
    expect(verifyDelightedSignature(delightedBody, hexSignature(delightedBody), SECRET)).toBe(true);
  });

  it('given upper-case hex, an upper-case prefix or surrounding spaces, when verified, then it is still accepted', () => {
    const hex = hmac(delightedBody, SECRET).toString('hex');
    expect(verifyDelightedSignature(delightedBody, `sha256=${hex.toUpperCase()}`, SECRET)).toBe(true);
    expect(verifyDelightedSignature(delightedBody, `SHA256=${hex}`, SECRET)).toBe(true);
    expect(verifyDelightedSignature(delightedBody, `  sha256=${hex} `, SECRET)).toBe(true);
  });

  it('given one byte of the body changed after signing, when verified, then it is refused', () => {
    const signature = hexSignature(delightedBody);
    expect(verifyDelightedSignature(oneByteChanged(delightedBody), signature, SECRET)).toBe(false);
  });

  it('given a signature made with another secret, when verified, then it is refused', () => {
    expect(verifyDelightedSignature(delightedBody, hexSignature(delightedBody, OTHER_SECRET), SECRET)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the sha256= prefix', hmac(delightedBody, SECRET).toString('hex')],
    ['with another algorithm prefix', `sha1=${hmac(delightedBody, SECRET).toString('hex')}`],
    ['base64 instead of hex', base64Signature(delightedBody)],
    ['truncated', hexSignature(delightedBody).slice(0, -2)],
    ['with trailing garbage', `${hexSignature(delightedBody)}00`],
    ['not hex', `sha256=${'zz'.repeat(32)}`],
    ['two signatures', `${hexSignature(delightedBody)},${hexSignature(delightedBody)}`],
  ])('given a header that is %s, when verified, then it is refused', (_name, header) => {
    expect(verifyDelightedSignature(delightedBody, header, SECRET)).toBe(false);
  });

  it('given no secret configured, when a body signed with the empty secret is verified, then it is refused', () => {
    expect(verifyDelightedSignature(delightedBody, hexSignature(delightedBody, ''), '')).toBe(false);
  });

  it('given the JSON parsed and serialised again, when the signature of the original bytes is checked against it, then it is refused', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(delightedBody.toString('utf8'))));
    expect(reserialised.equals(delightedBody)).toBe(false);
    expect(verifyDelightedSignature(reserialised, hexSignature(delightedBody), SECRET)).toBe(false);
  });
});

describe('verifyTypeformSignature', () => {
  it('given the documented body signed with the secret as sha256=<base64>, when verified, then it is accepted', () => {
    expect(verifyTypeformSignature(typeformBody, base64Signature(typeformBody), SECRET)).toBe(true);
  });

  it('given an upper-case prefix or surrounding spaces, when verified, then it is still accepted', () => {
    const digest = hmac(typeformBody, SECRET).toString('base64');
    expect(verifyTypeformSignature(typeformBody, `SHA256=${digest}`, SECRET)).toBe(true);
    expect(verifyTypeformSignature(typeformBody, ` sha256=${digest}  `, SECRET)).toBe(true);
  });

  it('given one byte of the body changed after signing, when verified, then it is refused', () => {
    const signature = base64Signature(typeformBody);
    expect(verifyTypeformSignature(oneByteChanged(typeformBody), signature, SECRET)).toBe(false);
  });

  it('given a signature made with another secret, when verified, then it is refused', () => {
    expect(verifyTypeformSignature(typeformBody, base64Signature(typeformBody, OTHER_SECRET), SECRET)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the sha256= prefix', hmac(typeformBody, SECRET).toString('base64')],
    ['with another algorithm prefix', `sha512=${hmac(typeformBody, SECRET).toString('base64')}`],
    ['hex instead of base64', hexSignature(typeformBody)],
    ['base64 without its padding', base64Signature(typeformBody).replace(/=$/, '')],
    ['base64url instead of base64', `sha256=${hmac(typeformBody, SECRET).toString('base64url')}`],
    ['truncated', base64Signature(typeformBody).slice(0, -4)],
    ['the digest of another length', `sha256=${Buffer.alloc(48, 7).toString('base64')}`],
  ])('given a header that is %s, when verified, then it is refused', (_name, header) => {
    expect(verifyTypeformSignature(typeformBody, header, SECRET)).toBe(false);
  });

  it('given no secret configured, when a body signed with the empty secret is verified, then it is refused', () => {
    expect(verifyTypeformSignature(typeformBody, base64Signature(typeformBody, ''), '')).toBe(false);
  });

  it('given escapes in the raw JSON, when the body is parsed and serialised again, then the original signature does not verify it', () => {
    const raw = fixture('typeform-form-response-nps-field.json');
    expect(raw.toString('utf8')).toContain('\\u00e9');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8')), null, 2));
    expect(verifyTypeformSignature(raw, base64Signature(raw), SECRET)).toBe(true);
    expect(verifyTypeformSignature(reserialised, base64Signature(raw), SECRET)).toBe(false);
  });
});
