import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableInput } from '../../shared/src/db/local';
import { tableDefinition } from '../../shared/src/db/table';
import { EXPORT_EXPIRY_DAYS } from './stateful-stack';
import { testApp } from './test-app';

let template: Template;

describe('stateful stack', () => {
  beforeAll(() => {
    template = Template.fromStack(testApp().stateful);
  });

  it('defines the table with the same keys and indexes as the local table from table.ts', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable')) as {
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

  it('keeps the data: on demand, PITR, deletion protection, encryption, TTL, retained on stack removal', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        Replicas: [
          {
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          },
        ],
      },
    });
  });

  it('keeps handover packages in a private, encrypted, TLS-only bucket that expires them', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ ExpirationInDays: EXPORT_EXPIRY_DAYS, Status: 'Enabled' }),
          ]),
        },
      },
    });
    const [policy] = Object.values(template.findResources('AWS::S3::BucketPolicy')) as {
      Properties: { PolicyDocument: { Statement: { Effect: string; Condition?: unknown }[] } };
    }[];
    expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });
});
