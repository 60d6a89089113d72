import { describe, expect, it } from 'vitest';
import { loadDeployConfig } from './config';

const from = (values: Record<string, string>) => (key: string) => values[key];

describe('deployment configuration', () => {
  it('defaults to the dev stage in eu-north-1', () => {
    expect(loadDeployConfig(from({}))).toMatchObject({ stage: 'dev', region: 'eu-north-1' });
  });

  it('names each wrong value', () => {
    expect(() => loadDeployConfig(from({ stage: 'Prod!' }))).toThrow(/stage: lower-case/);
    expect(() => loadDeployConfig(from({ mailFrom: 'not-an-address' }))).toThrow(/mailFrom/);
    expect(() => loadDeployConfig(from({ domainName: 'kohtaamo.example.fi' }))).toThrow(
      /domainName and certificateArn go together/,
    );
    expect(() =>
      loadDeployConfig(
        from({
          domainName: 'kohtaamo.example.fi',
          certificateArn: 'arn:aws:acm:eu-north-1:123456789012:certificate/abc',
        }),
      ),
    ).toThrow(/us-east-1/);
  });
});
