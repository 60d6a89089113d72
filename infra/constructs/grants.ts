// Least-privilege grants written out explicitly: item-level DynamoDB actions on the table and its
// named indexes (no wildcards, never a table-level action such as DeleteTable).
import { Aws, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { tableDefinition } from '../../shared/src/db/table';

export const TABLE_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

/** The managed policy every Lambda role gets for writing its logs, as cdk-nag names the finding. */
export const BASIC_EXECUTION_ROLE_FINDING =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/** Reads and writes items; `scan` adds Scan for maintenance jobs that visit every item. */
export function grantTableData(grantee: IGrantable, table: ITableV2, options: { scan?: boolean } = {}): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: [...TABLE_DATA_ACTIONS, ...(options.scan ? ['dynamodb:Scan'] : [])],
      resources: [
        table.tableArn,
        ...tableDefinition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
      ],
    }),
  );
}

/** Lets the grantee do `actions` on the objects below `prefix` of the bucket, nothing else in it. */
export function grantObjects(grantee: IGrantable, bucket: IBucket, prefix: string, actions: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [bucket.arnForObjects(`${prefix}*`)] }),
  );
}

/**
 * Acknowledges, on `scope`, the wildcard finding of each object-prefix grant on the bucket named
 * `bucketName` (cdk-nag names it by the bucket's ARN as text, the account as `<AWS::AccountId>`).
 */
export function acknowledgeObjectPrefixes(scope: IConstruct, bucketName: string, prefixes: string[]): void {
  const name = bucketName.replace(Aws.ACCOUNT_ID, '<AWS::AccountId>');
  for (const prefix of prefixes) {
    Validations.of(scope).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${name}/${prefix}*]`,
      reason: `Objects under ${prefix} only: each package and upload gets its own key below the prefix.`,
    });
  }
}
