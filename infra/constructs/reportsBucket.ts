import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { recordWildcardReason } from './wildcardReasons.ts';
import { BRIEFS_PREFIX } from '../../functions/cadence/briefStore.ts';

/**
 * The issued monthly reports (JSON, payroll CSV, HTML). Payroll paid people from these files, so
 * they are kept like records: private, versioned, outliving the stack, and every request to them
 * logged to a bucket of its own.
 */
export class ReportsBucket extends Construct {
  readonly bucket: s3.Bucket;
  /** S3 server access logs of the reports bucket: who read or wrote which payroll file, and when. */
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // S3 delivers server access logs only to SSE-S3 buckets (not SSE-KMS).
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // With ACLs disabled, CDK grants the log delivery service through the bucket policy, limited
      // to the reports bucket as source and this account.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [
        {
          // Long enough to answer "who downloaded the payroll file" for a past year's audit.
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Statements name people and their pay: they are fetched through the API, never by URL.
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Re-issuing a month's report writes the same key: the copy payroll was paid from must
      // remain readable after that, not be silently replaced.
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'reports/',
      // No lifecycle transitions: reports are a few KB, below the 128 KB under which S3 lifecycle
      // does not move objects to cheaper classes, so a rule would save nothing.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * Read and issue reports, and nothing else: no delete (a bug or a stolen role can add a version,
 * not remove the record), no version, ACL, tagging or lock actions. Listing is included because
 * without it S3 answers a missing report with 403 instead of NoSuchKey, which the report store
 * turns into "not issued yet".
 */
export const grantReportAccess = (bucket: s3.IBucket, fn: lambda.IFunction): void => {
  const objects = bucket.arnForObjects('*');
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  if (fn.role) {
    recordWildcardReason(
      fn.role,
      'Resource',
      objects,
      'Report keys are one per month and format (<month>/<file>), created as months close: no fixed list of ' +
        'object ARNs exists. Only GetObject and PutObject are granted on them, on this bucket alone.',
    );
  }
};

/**
 * Read and write weekly briefs, and nothing else of the bucket: Get and Put under the `briefs/` prefix
 * only, so the functions that publish and serve briefs can neither read nor overwrite a payroll report.
 * Listing is limited to the same prefix. A brief is read only once its publication is recorded, so a
 * missing one is an error whether S3 calls it 404 or 403.
 */
export const grantBriefAccess = (bucket: s3.IBucket, fn: lambda.IFunction): void => {
  const objects = bucket.arnForObjects(`${BRIEFS_PREFIX}*`);
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${BRIEFS_PREFIX}*`] } },
    }),
  );
  if (fn.role) {
    recordWildcardReason(
      fn.role,
      'Resource',
      objects,
      'Brief keys are one per ISO week and format (briefs/<week>/<file>), created as weeks end: no fixed list of ' +
        'object ARNs exists. Only GetObject and PutObject are granted, under the briefs/ prefix of this bucket alone.',
    );
  }
};
