// The stateful resources that outlive every deployment: the one DynamoDB table, built from the
// same definition (shared/src/db/table.ts) that creates the local table, so the two never drift.
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition, type TableDefinition } from '../../shared/src/db/table';

export interface StatefulStackProps extends StackProps {
  tableName: string;
  definition?: TableDefinition;
}

export class StatefulStack extends Stack {
  readonly table: TableV2;

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
      // Backups keep 35 days of history (erased personal data too: see the README).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
