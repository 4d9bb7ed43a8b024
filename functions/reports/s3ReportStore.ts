import { escapeUriPath, HttpRequest } from '@smithy/core/protocols';
import { Hash, sdkStreamMixin } from '@smithy/core/serde';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { backOff, type Pause, sleep } from '../dynamo/backoff.ts';
import type { ReportStore, StoredReport } from './reportStore.ts';

/** Where the reports are kept. */
export interface S3Location {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint other than AWS's, addressed path-style (`endpoint/bucket/key`). */
  endpoint?: string;
}

export interface S3ReportStoreOptions {
  location: S3Location;
  credentials: AwsCredentialIdentityProvider;
  /** Waits between attempts; tests skip them. */
  pause?: Pause;
}

/** What S3 said, when it said no. */
export class S3RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'S3RequestError';
  }
}

// As the SDK's S3 client: three attempts in all for a server error, a throttle or a dropped connection.
const MAX_ATTEMPTS = 3;
const RETRY_BASE_MS = 100;

const retryable = (error: unknown): boolean => !(error instanceof S3RequestError) || error.status >= 500 || error.code === 'SlowDown';

/**
 * The object's URL: virtual-hosted on AWS, as S3 asks, except for a bucket whose name has a dot (no
 * certificate covers it as a host name, so it goes path-style, as the SDK sends it); path-style on
 * any other endpoint.
 */
export const objectUrl = ({ bucket, region, endpoint }: S3Location, key: string): URL => {
  const path = escapeUriPath(`/${key}`);
  if (endpoint) return new URL(`${endpoint.replace(/\/$/, '')}/${bucket}${path}`);
  return bucket.includes('.') ? new URL(`https://s3.${region}.amazonaws.com/${bucket}${path}`) : new URL(`https://${bucket}.s3.${region}.amazonaws.com${path}`);
};

const tagOf = (xml: string, tag: string): string => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? '';

/**
 * Issued reports in S3, through S3's REST API: an object is put, and read back. These two requests
 * are signed with the AWS SDK's own Signature V4 signer and sent with its HTTP handler, both already
 * in every function for DynamoDB; the SDK's whole S3 client (about 140 KB with its checksums and XML
 * parts) cost each report function about 45 ms of cold start for the same two calls.
 */
export class S3ReportStore implements ReportStore {
  private readonly signer: SignatureV4;
  private readonly http = new NodeHttpHandler({ connectionTimeout: 3_000, requestTimeout: 30_000 });
  private readonly pause: Pause;

  constructor(private readonly options: S3ReportStoreOptions) {
    this.signer = new SignatureV4({
      service: 's3',
      region: options.location.region,
      credentials: options.credentials,
      sha256: Hash.bind(null, 'sha256'),
      // S3 signs the path as sent: no second round of escaping, no normalising of `//` or `..`.
      uriEscapePath: false,
      // Sends x-amz-content-sha256, which S3 requires of every signed request.
      applyChecksum: true,
    });
    this.pause = options.pause ?? sleep;
  }

  async put(key: string, report: StoredReport): Promise<void> {
    const body = Buffer.from(report.body, 'utf-8');
    await this.send('PUT', key, { 'content-type': report.contentType, 'content-length': String(body.length) }, body);
  }

  async get(key: string): Promise<StoredReport | null> {
    const answer = await this.send('GET', key, {}, undefined, [404]);
    if (answer.status === 404) return null;
    return { body: answer.body, contentType: answer.contentType ?? 'application/octet-stream' };
  }

  private async send(method: 'GET' | 'PUT', key: string, headers: Record<string, string>, body: Buffer | undefined, expected: number[] = []) {
    for (let attempt = 1; ; attempt++) {
      await backOff(attempt, this.pause, RETRY_BASE_MS);
      try {
        return await this.sendOnce(method, key, headers, body, expected);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
      }
    }
  }

  private async sendOnce(method: 'GET' | 'PUT', key: string, headers: Record<string, string>, body: Buffer | undefined, expected: number[]) {
    const url = objectUrl(this.options.location, key);
    const request = new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      headers: { host: url.host, ...headers },
      ...(body ? { body } : {}),
    });
    const signed = (await this.signer.sign(request)) as HttpRequest;
    const { response } = await this.http.handle(signed);
    const text = response.body ? await sdkStreamMixin(response.body).transformToString('utf-8') : '';
    if ((response.statusCode >= 200 && response.statusCode < 300) || expected.includes(response.statusCode)) {
      return { status: response.statusCode, body: text, contentType: response.headers['content-type'] };
    }
    const code = tagOf(text, 'Code') || `HTTP ${response.statusCode}`;
    throw new S3RequestError(
      response.statusCode,
      code,
      `S3 ${method} s3://${this.options.location.bucket}/${key} answered ${response.statusCode} ${code}: ${tagOf(text, 'Message')}`,
    );
  }
}
