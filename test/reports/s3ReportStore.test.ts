import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { objectUrl, S3ReportStore, S3RequestError } from '../../functions/reports/s3ReportStore.ts';
import { expectedSignature, startFakeS3, type FakeS3 } from '../support/fakeS3.ts';

/*
 * Issued reports are kept in S3 through its REST API, signed with Signature Version 4. The bucket here
 * verifies every signature as S3 does, with a verifier that is checked first against AWS's own examples.
 */

const bucket = 'handshake-reports';
const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDHANDSHAKETEST', secretAccessKey: 'handshake/test/secret' };
let s3: FakeS3;

const storeWith = (secret = credentials.secretAccessKey, sessionToken?: string) =>
  new S3ReportStore({
    location: { bucket, region, endpoint: s3.endpoint },
    credentials: async () => ({ ...credentials, secretAccessKey: secret, ...(sessionToken ? { sessionToken } : {}) }),
    pause: async () => {},
  });

beforeAll(async () => {
  s3 = await startFakeS3({ bucket, region, ...credentials });
});

afterAll(async () => {
  await s3.close();
});

beforeEach(() => {
  s3.objects.clear();
  s3.received.length = 0;
  s3.failNext(0, 0, '');
});

describe("the test bucket's signature check", () => {
  // AWS's Signature Version 4 examples for S3: "Example: GET Object" and "Example: PUT Object".
  const example = { secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', scope: '20130524/us-east-1/s3/aws4_request', amzDate: '20130524T000000Z' };

  it("given AWS's GET Object example, when its signature is computed, then it is the one AWS publishes", () => {
    const signature = expectedSignature(
      {
        method: 'GET',
        path: '/test.txt',
        query: '',
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          range: 'bytes=0-9',
          'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
          'x-amz-date': example.amzDate,
        },
        signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
        scope: example.scope,
        amzDate: example.amzDate,
      },
      example.secret,
    );
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it("given AWS's PUT Object example, when its signature is computed, then it is the one AWS publishes", () => {
    const signature = expectedSignature(
      {
        method: 'PUT',
        path: '/test%24file.text',
        query: '',
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
          'x-amz-date': example.amzDate,
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        },
        signedHeaders: ['date', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-storage-class'],
        scope: example.scope,
        amzDate: example.amzDate,
      },
      example.secret,
    );
    expect(signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });
});

describe('reports kept in S3', () => {
  it('given a report put, when it is read back, then its body and content type are the ones put', async () => {
    const store = storeWith();
    const report = { body: '<h1>Incentives — November</h1><p>×1.20 for Zoë</p>', contentType: 'text/html; charset=utf-8' };

    await store.put('reports/2026-11/incentives.html', report);

    expect(await store.get('reports/2026-11/incentives.html')).toEqual(report);
    expect(s3.objects.get('reports/2026-11/incentives.html')?.contentType).toBe('text/html; charset=utf-8');
    expect(s3.received.map((request) => request.signedHeaders.includes('content-type'))).toEqual([true, false]);
  });

  it('given a key with spaces, a dollar sign and an accent, when it is put and read, then it travels percent-encoded and comes back whole', async () => {
    const store = storeWith();

    await store.put('briefs/2026-W48/Zoë $ team.json', { body: '{"ok":true}', contentType: 'application/json; charset=utf-8' });

    expect(s3.received[0]!.path).toBe(`/${bucket}/briefs/2026-W48/Zo%C3%AB%20%24%20team.json`);
    expect(await store.get('briefs/2026-W48/Zoë $ team.json')).toEqual({ body: '{"ok":true}', contentType: 'application/json; charset=utf-8' });
  });

  it('given no object under a key, when it is read, then there is no report', async () => {
    expect(await storeWith().get('reports/2026-10/incentives.json')).toBeNull();
  });

  it("given the role's session credentials, when a report is put, then the session token travels signed", async () => {
    await storeWith(credentials.secretAccessKey, 'session-token-of-the-role').put('reports/x.csv', { body: 'a,b\r\n', contentType: 'text/csv' });

    expect(s3.received[0]!.headers['x-amz-security-token']).toBe('session-token-of-the-role');
    expect(s3.received[0]!.signedHeaders).toContain('x-amz-security-token');
    expect(s3.objects.has('reports/x.csv')).toBe(true);
  });

  it('given a wrong secret, when a report is put, then S3 refuses it once, by name, and nothing is stored', async () => {
    const put = storeWith('not-the-secret').put('reports/x.json', { body: '{}', contentType: 'application/json' });

    await expect(put).rejects.toThrow(S3RequestError);
    await expect(put).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    await expect(put).rejects.toThrow(`S3 PUT s3://${bucket}/reports/x.json answered 403 SignatureDoesNotMatch`);
    expect(s3.objects.size).toBe(0);
    expect(s3.received).toHaveLength(1);
  });

  it('given S3 slows down twice, when a report is put, then the third attempt stores it', async () => {
    s3.failNext(2, 503, 'SlowDown');

    await storeWith().put('reports/x.json', { body: '{}', contentType: 'application/json' });

    expect(s3.received).toHaveLength(3);
    expect(s3.objects.get('reports/x.json')?.body.toString()).toBe('{}');
  });

  it('given S3 fails three times, when a report is read, then the error says so after three attempts', async () => {
    s3.failNext(3, 500, 'InternalError');

    await expect(storeWith().get('reports/x.json')).rejects.toMatchObject({ status: 500, code: 'InternalError' });
    expect(s3.received).toHaveLength(3);
  });
});

describe("a report's address", () => {
  it('given AWS, when a key is addressed, then it is the virtual-hosted URL of the bucket in its region', () => {
    expect(objectUrl({ bucket, region }, 'reports/2026-11/payroll run.csv').href).toBe(
      'https://handshake-reports.s3.eu-west-1.amazonaws.com/reports/2026-11/payroll%20run.csv',
    );
  });

  it('given a bucket whose name has a dot, when a key is addressed, then it is path-style on the regional endpoint', () => {
    expect(objectUrl({ bucket: 'reports.example.com', region }, 'a/b.json').href).toBe('https://s3.eu-west-1.amazonaws.com/reports.example.com/a/b.json');
  });

  it('given another endpoint, when a key is addressed, then the bucket is the first part of the path', () => {
    expect(objectUrl({ bucket, region, endpoint: 'http://127.0.0.1:4566/' }, 'a/b.json').href).toBe('http://127.0.0.1:4566/handshake-reports/a/b.json');
  });
});
