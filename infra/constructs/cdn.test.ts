import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../../functions/src/web/cloudfront-headers';
import { PLAIN_PAGE_CSP } from '../../shared/src/security-headers';
import { fakeFunction, partStack, templateQueries } from '../test-support/part-stack';
import { Cdn } from './cdn';

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** A built client folder like web/build/client: hashed files, a top-level file and a folder. */
function clientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-client-'));
  mkdirSync(join(dir, '_app', 'immutable'), { recursive: true });
  writeFileSync(join(dir, '_app', 'immutable', 'start.abc123.js'), '');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  mkdirSync(join(dir, 'fonts'));
  writeFileSync(join(dir, 'fonts', 'inter.woff2'), '');
  return dir;
}

function cdnTemplate(domain?: { domainName: string; certificateArn: string }) {
  const { stack } = partStack();
  const url = fakeFunction(stack, 'Web').addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  const cdn = new Cdn(stack, 'Default', {
    stage: 'test',
    url,
    originSecret: 'origin-secret-reference',
    clientDir: clientDir(),
    ...domain,
  });
  const template = Template.fromStack(stack);
  return { cdn, stack, template, ...templateQueries(template) };
}

const distributionConfig = (template: Template) =>
  Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig;

describe('Cdn construct', () => {
  it('sends everything but static files to the Function URL, uncached, with the origin secret and the viewer-request function', () => {
    const { template } = cdnTemplate();
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          CachePolicyId: CACHING_DISABLED,
          OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST,
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginCustomHeaders: [
              { HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: 'origin-secret-reference' },
            ],
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginReadTimeout: 30,
            }),
          }),
        ]),
        HttpVersion: 'http2and3',
        PriceClass: 'PriceClass_100',
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it('serves /_app/* and each top-level file or folder of the build from the bucket, cached', () => {
    const { template } = cdnTemplate();
    const behaviors = (
      distributionConfig(template).CacheBehaviors as { PathPattern: string; CachePolicyId: string }[]
    ).map((b) => [b.PathPattern, b.CachePolicyId]);
    expect(behaviors).toEqual([
      ['/_app/*', CACHING_OPTIMIZED],
      ['/favicon.svg', CACHING_OPTIMIZED],
      ['/fonts/*', CACHING_OPTIMIZED],
    ]);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('adds the security headers, keeping the pages own CSP and giving the plain one to answers without', () => {
    cdnTemplate().template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: PLAIN_PAGE_CSP, Override: false },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: false },
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 31_536_000,
            IncludeSubdomains: true,
          }),
        }),
      }),
    });
  });

  it('uploads the files without pruning old ones, hashed ones cached for a year', () => {
    const { ofType } = cdnTemplate();
    const deployments = ofType('Custom::CDKBucketDeployment').map(([, r]) => r.Properties);
    expect(deployments.map((d) => [d.DestinationBucketKeyPrefix, d.Prune, d.SystemMetadata])).toEqual([
      ['_app/immutable/', false, { 'cache-control': 'public, max-age=31536000, immutable' }],
      [undefined, false, { 'cache-control': 'public, max-age=300' }],
    ]);
  });

  it('uses the custom domain with TLS 1.2 when given, else the distribution`s own address', () => {
    const custom = cdnTemplate({
      domainName: 'kohtaamo.example.fi',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-4000-8000-000000000000',
    });
    expect(distributionConfig(custom.template)).toMatchObject({
      Aliases: ['kohtaamo.example.fi'],
      ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    });
    expect(custom.cdn.siteUrl).toBe('https://kohtaamo.example.fi');
    const plain = cdnTemplate();
    expect(distributionConfig(plain.template)).not.toHaveProperty('Aliases');
    expect(plain.stack.resolve(plain.cdn.siteUrl)).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^Site/), 'DomainName'] }]],
    });
  });
});
