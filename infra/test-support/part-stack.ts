// A stack for testing one construct of infra/constructs/ alone: the same logical ids as in the
// stateless stack (parts left out), a table and export bucket referenced by name, the variables
// every function gets, and queries over the synthesised template (a function's IAM statements).
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { logicalIdWithoutParts } from '../constructs/stack-part';

export const EXPORT_BUCKET = 'kohtaamo-test-exports-123456789012';

class PartTestStack extends Stack {
  protected override allocateLogicalId(element: CfnElement): string {
    return logicalIdWithoutParts(element);
  }
}

export function partStack() {
  const stack = new PartTestStack(new App(), 'kohtaamo-test-stateless', {
    env: { account: '123456789012', region: 'eu-north-1' },
  });
  return {
    stack,
    table: TableV2.fromTableName(stack, 'Table', 'kohtaamo-test'),
    exportBucket: Bucket.fromBucketName(stack, 'ExportBucket', EXPORT_BUCKET),
    environment: { KOHTAAMO_TABLE: 'kohtaamo-test', KOHTAAMO_CURSOR_SECRET: 'secret', NODE_OPTIONS: '' },
  };
}

/** A stand-in function (inline code) for constructs that only refer to one. */
export const fakeFunction = (stack: Stack, id: string) =>
  new LambdaFunction(stack, id, {
    runtime: Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: Code.fromInline('export const handler = () => {};'),
  });

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

export const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

export function templateQueries(template: Template) {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  /** The logical id of the function with construct id `name` (CDK appends an 8-character hash). */
  const functionId = (name: string): string => {
    const id = Object.keys(resources).find(
      (key) =>
        resources[key]?.Type === 'AWS::Lambda::Function' && new RegExp(`^${name}[0-9A-F]{8}$`).test(key),
    );
    if (!id) throw new Error(`no function ${name}`);
    return id;
  };
  const functionProperties = (name: string) => resources[functionId(name)]?.Properties ?? {};
  const environmentOf = (name: string) =>
    (functionProperties(name).Environment as { Variables: Record<string, unknown> }).Variables;
  /** Every statement of every IAM policy attached to the role of function `name`. */
  const statementsOf = (name: string): Statement[] => {
    const role = (functionProperties(name).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    return Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) => (r.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === role))
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  return { resources, functionId, functionProperties, environmentOf, statementsOf, ofType };
}
