// The site's edge: CloudFront in front of the web function's Function URL (with the origin secret
// and a viewer-request function that passes the site's host and the viewer's IP), security headers
// on every answer, and the static files in a private bucket read through Origin Access Control.
// The files are uploaded by two deployments that the web function waits for, and old hashed files
// are never pruned, so pages open during a deploy keep working.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { ORIGIN_SECRET_HEADER } from '../../functions/src/web/cloudfront-headers';
import { PLAIN_PAGE_CSP } from '../../shared/src/security-headers';
import { viewerRequestCode } from './viewer-request-function';
import { BASIC_EXECUTION_ROLE_FINDING } from './grants';
import { StackPart } from './stack-part';

const IMMUTABLE = '_app/immutable';

export interface CdnProps {
  stage: string;
  /** The web function's Function URL, the default origin. */
  url: IFunctionUrl;
  /** A dynamic reference to the secret CloudFront adds to every origin request. */
  originSecret: string;
  /** The built static files (web/build/client). */
  clientDir: string;
  /** A custom domain with its certificate (in us-east-1); both or neither. */
  domainName?: string | undefined;
  certificateArn?: string | undefined;
}

export class Cdn extends StackPart {
  readonly distribution: Distribution;
  /** The static file uploads: deploy the web function after them. */
  readonly assetDeployments: BucketDeployment[];
  /** The site's address: the custom domain, else the distribution's own. */
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);
    const { clientDir, domainName, certificateArn } = props;

    const assets = new Bucket(this, 'Assets', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    Validations.of(assets).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Public, versioned-by-hash static files only, served through CloudFront; access logs add nothing.',
    });
    const immutable = new BucketDeployment(this, 'ImmutableAssets', {
      sources: [Source.asset(join(clientDir, IMMUTABLE))],
      destinationBucket: assets,
      destinationKeyPrefix: `${IMMUTABLE}/`,
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const otherAssets = new BucketDeployment(this, 'OtherAssets', {
      sources: [Source.asset(clientDir, { exclude: [`${IMMUTABLE}/**`] })],
      destinationBucket: assets,
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=300')],
      memoryLimit: 512,
    });
    this.assetDeployments = [immutable, otherAssets];
    this.acknowledgeBucketDeployment(assets);

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: false,
        },
        contentTypeOptions: { override: true },
        // Answers without their own policy (SvelteKit's cross-site 403, static files) get the
        // plain one; pages keep theirs.
        contentSecurityPolicy: { contentSecurityPolicy: PLAIN_PAGE_CSP, override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: false,
        },
      },
    });
    const viewerRequest = new CloudFrontFunction(this, 'ViewerRequest', {
      code: FunctionCode.fromInline(viewerRequestCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Passes the site host and the viewer IP to the web function',
    });
    const staticBehavior: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(assets),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };
    // `/_app/*` and every top-level file or folder of the build come from the bucket.
    const additionalBehaviors: Record<string, BehaviorOptions> = { '/_app/*': staticBehavior };
    for (const name of readdirSync(clientDir)) {
      if (name === '_app') continue;
      additionalBehaviors[statSync(join(clientDir, name)).isDirectory() ? `/${name}/*` : `/${name}`] =
        staticBehavior;
    }
    this.distribution = new Distribution(this, 'Site', {
      comment: `Kohtaamo ${props.stage}`,
      defaultBehavior: {
        origin: new FunctionUrlOrigin(props.url, {
          customHeaders: { [ORIGIN_SECRET_HEADER]: props.originSecret },
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(domainName && certificateArn
        ? {
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
          }
        : {}),
    });
    this.acknowledgeDistribution(Boolean(domainName));
    this.siteUrl = domainName
      ? `https://${domainName}`
      : `https://${this.distribution.distributionDomainName}`;
  }

  /** CDK's own upload function (a singleton at stack level) for the static assets. */
  private acknowledgeBucketDeployment(assets: Bucket): void {
    const stack = Stack.of(this);
    const reason =
      'CDK`s BucketDeployment function copies the built static files from the CDK asset bucket to the assets ' +
      'bucket during deploys; its role and runtime are managed by CDK.';
    // The CDK asset bucket's name, as cdk-nag prints it: the account is a token unless it was given.
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const assetsId = stack.getLogicalId(assets.node.defaultChild as CfnElement);
    const findings = [
      BASIC_EXECUTION_ROLE_FINDING,
      'AwsSolutions-L1',
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      `AwsSolutions-IAM5[Resource::<${assetsId}.Arn>/*]`,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${stack.region}/*]`,
    ];
    for (const id of findings) Validations.of(stack).acknowledge({ id, reason });
  }

  private acknowledgeDistribution(customDomain: boolean): void {
    const site = Validations.of(this.distribution);
    site.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: staff travel and associations may be reached from anywhere.',
    });
    site.acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF: its fixed monthly cost is larger than the idle stack; logins are throttled per account and per ' +
        'address in the app, and only CloudFront can reach the function.',
    });
    site.acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'No CloudFront access logs: they would store every viewer`s IP address; errors are alarmed from metrics.',
    });
    if (!customDomain) {
      site.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot pin TLS 1.2; with a custom domain TLSv1.2_2021 is used.',
      });
    }
  }
}
