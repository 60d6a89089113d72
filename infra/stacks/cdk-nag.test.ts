import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { testApp } from './test-app';

interface ValidationReport {
  pluginReports: { pluginName: string; conclusion?: string; violations: { ruleName: string }[] }[];
}

const reportOf = (outdir: string) =>
  JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;

describe('cdk-nag AwsSolutions', () => {
  it.each([
    [
      'with reminders, alarm e-mail and a custom domain',
      {
        domainName: 'kohtaamo.example.fi',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-4000-8000-000000000000',
      },
    ],
    ['with the defaults only', { mailFrom: undefined, alarmEmail: undefined }],
  ])('finds nothing unacknowledged in any stack, %s', (_name, config) => {
    const { app, outdir } = testApp(config);
    app.synth();
    const violations = reportOf(outdir).pluginReports.flatMap((report) => report.violations);
    expect(violations).toEqual([]);
  });

  it('does report a finding nobody acknowledged (the check is live)', () => {
    const { app, outdir, stateless } = testApp();
    new Bucket(Stack.of(stateless), 'Unreviewed');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    const rules = reportOf(outdir).pluginReports.flatMap((r) => r.violations.map((v) => v.ruleName));
    expect(rules).toContain('AwsSolutions-S1');
  });
});
