// The stateful resources that outlive every deployment: the one DynamoDB table, built from the
// same definition (shared/src/db/table.ts) that creates the local table, so the two never drift,
// and the bucket where handover packages are built. Both are retained when a stack is deleted.
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { tableDefinition, type TableDefinition } from '../../shared/src/db/table';
import { EXPORT_EXPIRY_DAYS, EXPORT_PREFIX, UPLOAD_PREFIX } from '../../shared/src/storage/retention';

export interface StatefulStackProps extends StackProps {
  tableName: string;
  /** A fixed name, so the stateless stack's grants name it without a cross-stack reference. */
  exportBucketName: string;
  definition?: TableDefinition;
}

export { EXPORT_EXPIRY_DAYS, EXPORT_PREFIX, UPLOAD_PREFIX };

export class StatefulStack extends Stack {
  readonly table: TableV2;
  readonly exportBucket: Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const definition = props.definition ?? tableDefinition;
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: key(definition.partitionKey),
      sortKey: key(definition.sortKey),
      billing: Billing.onDemand(),
      globalSecondaryIndexes: definition.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
      })),
      // Sessions, one-time links, throttle counters and reminder records carry `ttl`.
      timeToLiveAttribute: 'ttl',
      encryption: TableEncryptionV2.awsManagedKey(),
      // Backups keep 35 days of history (erased personal data too: see the README).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.exportBucket = new Bucket(this, 'Exports', {
      bucketName: props.exportBucketName,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        {
          expiration: Duration.days(EXPORT_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.exportBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'No server access logs: the packages expire within days, and the logs would keep the IP addresses of ' +
        'everyone who downloaded one for longer than the data itself (data minimisation).',
    });
  }
}
