import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * An S3 bucket on a local port, for the code that speaks S3's REST API: it keeps objects in memory and,
 * as S3 does, refuses a request whose Signature Version 4 does not verify, or whose body is not the
 * one its x-amz-content-sha256 names. The verification below is written from AWS's description of
 * the algorithm, apart from the SDK's signer, and is itself checked against AWS's published examples.
 */

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface SignedRequest {
  method: string;
  /** The path exactly as sent: S3 signs it without escaping it again. */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  /** yyyymmdd/region/service/aws4_request */
  scope: string;
  amzDate: string;
}

const canonicalQuery = (query: string) =>
  query
    .split('&')
    .filter(Boolean)
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .sort()
    .join('&');

/** The signature S3 expects of a request, for a secret access key. */
export const expectedSignature = (request: SignedRequest, secretAccessKey: string): string => {
  const canonicalHeaders = request.signedHeaders.map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery(request.query),
    canonicalHeaders,
    request.signedHeaders.join(';'),
    request.headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', request.amzDate, request.scope, sha256Hex(canonicalRequest)].join('\n');
  const [date, region, service] = request.scope.split('/');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date!), region!), service!), 'aws4_request');
  return hmac(signingKey, stringToSign).toString('hex');
};

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export interface StoredObject {
  body: Buffer;
  contentType: string | undefined;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  signedHeaders: string[];
}

export interface FakeS3 {
  endpoint: string;
  objects: Map<string, StoredObject>;
  received: ReceivedRequest[];
  /** The next `times` requests are answered with this status and S3 error code. */
  failNext(times: number, status: number, code: string): void;
  close(): Promise<void>;
}

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export const startFakeS3 = async (options: { bucket: string; region: string; accessKeyId: string; secretAccessKey: string }): Promise<FakeS3> => {
  const objects = new Map<string, StoredObject>();
  const received: ReceivedRequest[] = [];
  let failures: { times: number; status: number; code: string } = { times: 0, status: 0, code: '' };

  const answer = (response: ServerResponse, status: number, code: string, message: string) => {
    response.writeHead(status, { 'content-type': 'application/xml' }).end(errorXml(code, message));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const [path = '/', query = ''] = (request.url ?? '/').split('?');
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
    const match = AUTHORIZATION.exec(headers.authorization ?? '');
    received.push({ method: request.method!, path, headers, signedHeaders: match?.[3]?.split(';') ?? [] });
    if (failures.times > 0) {
      failures.times--;
      return answer(response, failures.status, failures.code, 'Injected by the test');
    }
    if (!match) return answer(response, 403, 'AccessDenied', 'The request is not signed with Signature Version 4');
    const [, accessKeyId, scope, signedHeaders, signature] = match;
    if (accessKeyId !== options.accessKeyId) return answer(response, 403, 'InvalidAccessKeyId', 'The access key is not known');
    if (!scope!.endsWith(`/${options.region}/s3/aws4_request`)) return answer(response, 400, 'AuthorizationHeaderMalformed', `The scope ${scope} is not this region's S3`);
    const signed = { method: request.method!, path, query, headers, signedHeaders: signedHeaders!.split(';'), scope: scope!, amzDate: headers['x-amz-date'] ?? '' };
    if (!signed.signedHeaders.includes('host') || !signed.signedHeaders.includes('x-amz-content-sha256') || !signed.signedHeaders.includes('x-amz-date')) {
      return answer(response, 403, 'AccessDenied', 'host, x-amz-content-sha256 and x-amz-date must be signed');
    }
    if (headers['x-amz-security-token'] !== undefined && !signed.signedHeaders.includes('x-amz-security-token')) {
      return answer(response, 403, 'AccessDenied', 'x-amz-security-token must be signed');
    }
    if (expectedSignature(signed, options.secretAccessKey) !== signature) return answer(response, 403, 'SignatureDoesNotMatch', 'The signature does not match');
    if (headers['x-amz-content-sha256'] !== sha256Hex(body)) return answer(response, 400, 'XAmzContentSHA256Mismatch', 'The body is not the one signed');

    const prefix = `/${options.bucket}/`;
    if (!path.startsWith(prefix)) return answer(response, 404, 'NoSuchBucket', 'The bucket does not exist');
    const key = decodeURIComponent(path.slice(prefix.length));
    if (request.method === 'PUT') {
      objects.set(key, { body, contentType: headers['content-type'] });
      return response.writeHead(200).end();
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return answer(response, 404, 'NoSuchKey', 'The specified key does not exist.');
      return response.writeHead(200, object.contentType ? { 'content-type': object.contentType } : {}).end(object.body);
    }
    return answer(response, 405, 'MethodNotAllowed', 'Only GET and PUT');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, 'InternalError', String(error)));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    received,
    failNext: (times, status, code) => void (failures = { times, status, code }),
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
};
