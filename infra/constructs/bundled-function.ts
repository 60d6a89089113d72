// A Lambda function from one of our esbuild bundles (infra/lambda/bundles.ts): nodejs24.x on
// arm64 with its own log group (three months), and the managed logging policy acknowledged.
// A function, not a construct, so the function and its log group keep their ids in the scope given.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  Runtime,
  type FunctionProps,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleDir } from '../lambda/bundles';
import { BASIC_EXECUTION_ROLE_FINDING } from './grants';

/** The function `id` (and its log group `${id}Logs`) running the bundle `bundle`. */
export function bundledFunction(
  scope: Construct,
  id: string,
  bundle: string,
  props: Partial<FunctionProps>,
): LambdaFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const fn = new LambdaFunction(scope, id, {
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    handler: 'index.handler',
    code: Code.fromAsset(bundleDir(bundle)),
    memorySize: 512,
    timeout: Duration.seconds(60),
    logGroup,
    ...props,
  });
  Validations.of(fn).acknowledge({
    id: BASIC_EXECUTION_ROLE_FINDING,
    reason:
      'AWSLambdaBasicExecutionRole only grants writing to CloudWatch Logs; the data permissions are separate and scoped.',
  });
  return fn;
}
