import { RemovalPolicy } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * The issued monthly reports (JSON, payroll CSV, HTML). Payroll paid people from these files, so
 * they are kept like records: private, versioned, and outliving the stack.
 */
export class ReportsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Statements name people and their pay: they are fetched through the API, never by URL.
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Re-issuing a month's report writes the same key: the copy payroll was paid from must
      // remain readable after that, not be silently replaced.
      versioned: true,
      // No lifecycle transitions: reports are a few KB, below the 128 KB under which S3 lifecycle
      // does not move objects to cheaper classes, so a rule would save nothing.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * Read and issue reports, but never delete one: a bug or a stolen role can add a version, not
 * remove the record. Listing is included because without it S3 answers a missing report with
 * 403 instead of NoSuchKey, which the report store turns into "not issued yet".
 */
export const grantReportAccess = (bucket: s3.IBucket, grantee: iam.IGrantable): void => {
  const grants = s3.BucketGrants.fromBucket(bucket);
  grants.read(grantee);
  grants.put(grantee);
};
