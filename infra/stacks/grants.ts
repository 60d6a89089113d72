// Least-privilege grants written out explicitly: item-level DynamoDB actions on the table and its
// named indexes (no wildcards, never a table-level action such as DeleteTable).
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
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
