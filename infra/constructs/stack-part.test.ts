import { App, Names, Stack, type CfnElement } from 'aws-cdk-lib';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { testApp } from '../stacks/test-app';
import { logicalIdWithoutParts, StackPart, uniqueIdWithoutParts } from './stack-part';

class FlatStack extends Stack {
  protected override allocateLogicalId(element: CfnElement): string {
    return logicalIdWithoutParts(element);
  }
}

const elementsOf = (stack: Stack) =>
  stack.node.findAll().filter((c): c is CfnElement => (c as Partial<CfnElement>).logicalId !== undefined);

// Paths of the kinds CDK meets: short, nested, `Default` and `Resource`, repeated ids, odd characters.
const paths = [
  ['Bucket'],
  ['Web', 'Resource'],
  ['Web', 'ServiceRole', 'DefaultPolicy', 'Resource'],
  ['Alarms', 'Alarms', 'Resource'],
  ['Default', 'Site', 'Resource'],
  ['MailEvents', 'AllowInvoke:kohtaamo-test-statelessMailEventsTopic6A50CE01'],
  ['A'.repeat(300)],
  ['B'.repeat(200), 'C'.repeat(100), 'Resource'],
];

function build(stack: Stack, path: string[], part?: string): CfnBucket {
  let scope: Construct = part ? new StackPart(stack, part) : stack;
  for (const id of path.slice(0, -1))
    scope = (scope.node.tryFindChild(id) as Construct) ?? new Construct(scope, id);
  return new CfnBucket(scope, path[path.length - 1] as string);
}

describe('stack parts', () => {
  it('give CDK`s own logical id to every resource outside a part (all resources of the stateful stack)', () => {
    const { stateful } = testApp();
    for (const element of elementsOf(stateful)) {
      expect(logicalIdWithoutParts(element)).toBe(stateful.getLogicalId(element));
      expect(uniqueIdWithoutParts(element)).toBe(Names.uniqueId(element));
    }
  });

  it.each(paths.map((path) => [path.join('/'), path]))(
    'give a resource at %s inside a part the id it has directly in the stack',
    (_name, path) => {
      const plain = new Stack(new App(), 'Plain');
      const flat = new FlatStack(new App(), 'Plain');
      const direct = build(plain, path);
      const inPart = build(flat, path, 'Part');
      expect(flat.getLogicalId(inPart)).toBe(plain.getLogicalId(direct));
      expect(uniqueIdWithoutParts(inPart)).toBe(Names.uniqueId(direct));
    },
  );
});
