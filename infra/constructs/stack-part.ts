// A part of a stack: a construct that groups related resources (the web app, the jobs…) without
// changing their logical ids. CloudFormation replaces a resource whose logical id changes, and a
// construct normally puts its id into the ids of everything below it; a stack that overrides
// `allocateLogicalId` with `logicalIdWithoutParts` names each resource as if it were created
// directly in the stack, so moving resources into parts (or between them) replaces nothing.
// Names that CDK derives from a construct's path itself (`Names.uniqueId`, `node.addr`: e.g.
// CloudFront origin ids and function names) are not covered: a part with such resources takes the
// id `Default`, which constructs leave out of every path, id and address for refactorings like this.
import { createHash } from 'node:crypto';
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Construct, type IConstruct } from 'constructs';

/** A grouping of resources whose id never appears in their logical ids (see the module header). */
export class StackPart extends Construct {}

/** The ids of the scopes from `from` (exclusive) down to the construct, parts left out. */
function idsWithoutParts(construct: IConstruct, from: IConstruct | undefined): string[] {
  const scopes = construct.node.scopes;
  const start = from ? scopes.indexOf(from) + 1 : 1;
  return scopes
    .slice(start)
    .filter((scope) => !(scope instanceof StackPart))
    .map((scope) => scope.node.id);
}

// CDK's own rule (makeUniqueId in aws-cdk-lib/core/lib/private/uniqueid.ts, not exported):
// `Default` is hidden, a single component stands alone, otherwise the human-readable ids (without
// `Resource` and repeats) are followed by an 8-character hash of the whole path.
// stack-part.test.ts checks that it agrees with CDK for every resource of our stacks.
const alphanumeric = (id: string) => id.replace(/[^A-Za-z0-9]/g, '');

function uniqueId(ids: string[]): string {
  const path = ids.filter((id) => id !== 'Default');
  if (path.length === 1 && alphanumeric(path[0] as string).length <= 255)
    return alphanumeric(path[0] as string);
  const hash = createHash('md5').update(path.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const human: string[] = [];
  for (const id of path) {
    if (human.length === 0 || !(human[human.length - 1] as string).endsWith(id)) human.push(id);
  }
  return (
    human
      .filter((id) => id !== 'Resource')
      .map(alphanumeric)
      .join('')
      .slice(0, 240) + hash
  );
}

/**
 * The logical id CDK would give `element` if none of the parts above it existed, and (for an id
 * that CDK built from another construct's path) if its own id were `ownId`.
 */
export function logicalIdWithoutParts(element: CfnElement, ownId = element.node.id): string {
  return uniqueId([...idsWithoutParts(element, Stack.of(element)).slice(0, -1), ownId]);
}

/** `Names.uniqueId(construct)` as if none of the parts above it existed. */
export function uniqueIdWithoutParts(construct: IConstruct): string {
  return uniqueId(idsWithoutParts(construct, undefined));
}
