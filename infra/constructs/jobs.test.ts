import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { actionsOf, EXPORT_BUCKET, partStack, templateQueries } from '../test-support/part-stack';
import { TABLE_DATA_ACTIONS } from './grants';
import { Jobs } from './jobs';

function jobsTemplate() {
  const { stack, table, exportBucket, environment } = partStack();
  new Jobs(stack, 'Jobs', { table, exportBucket, environment });
  return templateQueries(Template.fromStack(stack));
}

describe('Jobs construct', () => {
  it('runs for up to 15 minutes with 2 GB of /tmp, writing to the export bucket, never with fault points', () => {
    const { functionProperties, environmentOf } = jobsTemplate();
    expect(functionProperties('Jobs')).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 900,
      EphemeralStorage: { Size: 2048 },
    });
    expect(environmentOf('Jobs')).toMatchObject({
      KOHTAAMO_TABLE: 'kohtaamo-test',
      KOHTAAMO_BLOB_BUCKET: EXPORT_BUCKET,
    });
    expect(environmentOf('Jobs')).not.toHaveProperty('KOHTAAMO_FAULT_POINTS');
  });

  it('may use table items, write packages and read uploads, and nothing else', () => {
    const statements = jobsTemplate().statementsOf('Jobs');
    const table = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(actionsOf(table).sort()).toEqual([...TABLE_DATA_ACTIONS].sort());
    const s3 = statements
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')))
      .map((s) => [actionsOf([s]).sort().join(','), JSON.stringify(s.Resource)]);
    expect(s3).toEqual([
      [
        's3:AbortMultipartUpload,s3:GetObject,s3:PutObject',
        expect.stringContaining(`${EXPORT_BUCKET}/handover/*`),
      ],
      ['s3:GetObject,s3:PutObject', expect.stringContaining(`${EXPORT_BUCKET}/imports/*`)],
    ]);
    expect(actionsOf(statements).filter((a) => !/^(dynamodb|s3):/.test(a))).toEqual([]);
  });
});
