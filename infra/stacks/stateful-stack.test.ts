import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { createTableInput } from '../../shared/src/db/local';
import { tableDefinition } from '../../shared/src/db/table';
import { StatefulStack } from './stateful-stack';

function template() {
  const app = new App();
  return Template.fromStack(new StatefulStack(app, 'Test', { tableName: 'kohtaamo-test' }));
}

describe('stateful stack', () => {
  it('defines the table with the same keys and indexes as the local table from table.ts', () => {
    const [table] = Object.values(template().findResources('AWS::DynamoDB::GlobalTable')) as {
      Properties: {
        KeySchema: unknown[];
        AttributeDefinitions: { AttributeName: string }[];
        GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown[] }[];
      };
    }[];
    const local = createTableInput('kohtaamo-test', tableDefinition);
    expect(table?.Properties.KeySchema).toEqual(local.KeySchema);
    const byName = (a: { IndexName?: string }, b: { IndexName?: string }) =>
      String(a.IndexName).localeCompare(String(b.IndexName));
    expect(
      table?.Properties.GlobalSecondaryIndexes.map(({ IndexName, KeySchema }) => ({
        IndexName,
        KeySchema,
      })).sort(byName),
    ).toEqual(
      local.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema }) => ({ IndexName, KeySchema })).sort(
        byName,
      ),
    );
    expect(table?.Properties.AttributeDefinitions.map((a) => a.AttributeName).sort()).toEqual(
      local.AttributeDefinitions?.map((a) => a.AttributeName).sort(),
    );
  });

  it('keeps the data: on demand, point-in-time recovery, deletion protection, retained on stack removal', () => {
    const t = template();
    t.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [
          {
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          },
        ],
      },
    });
  });
});
