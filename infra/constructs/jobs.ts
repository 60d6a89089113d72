// Background jobs (handover packages, imports, mailings): one function, invoked asynchronously by
// the web function, that writes packages to the export bucket and reads uploads from it (keeping
// the rows it read beside the upload). Nothing else in the bucket, and no e-mail.
import { Duration, Size } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { EXPORT_PREFIX, UPLOAD_PREFIX } from '../../shared/src/storage/retention';
import { bundledFunction } from './bundled-function';
import { acknowledgeObjectPrefixes, grantObjects, grantTableData } from './grants';
import { StackPart } from './stack-part';

export interface JobsProps {
  table: ITableV2;
  /** The stateful stack's export bucket. */
  exportBucket: IBucket;
  /** The variables every function gets (table, cursor secret). */
  environment: Record<string, string>;
}

export class Jobs extends StackPart {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const { exportBucket } = props;
    this.fn = bundledFunction(this, 'Jobs', 'jobs', {
      memorySize: 1024,
      timeout: Duration.minutes(15),
      // The package's files are written to /tmp before they are zipped.
      ephemeralStorageSize: Size.gibibytes(2),
      environment: { ...props.environment, KOHTAAMO_BLOB_BUCKET: exportBucket.bucketName },
    });
    grantTableData(this.fn, props.table);
    grantObjects(this.fn, exportBucket, EXPORT_PREFIX, [
      's3:PutObject',
      's3:GetObject',
      's3:AbortMultipartUpload',
    ]);
    // Uploads are read by the import-check job, which keeps the rows it read beside the upload.
    grantObjects(this.fn, exportBucket, UPLOAD_PREFIX, ['s3:GetObject', 's3:PutObject']);
    acknowledgeObjectPrefixes(this, exportBucket.bucketName, [EXPORT_PREFIX, UPLOAD_PREFIX]);
  }
}
