import { describe, expect, it } from 'vitest';
import {
  addAssociation,
  freshWorkspace,
  injectFault,
  testDb,
  throttlingError,
} from '../../../test/support/test-db';
import { getAssociation } from '../association/association.store';
import { eachResultPage } from './operations';
import { UnavailableError } from '../errors';

describe('DynamoDB throttling', () => {
  it('is retried with back-off and the read succeeds when throttling stops', async () => {
    const db = testDb({ maxAttempts: 4 });
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const fault = injectFault(db, { command: 'GetItemCommand', error: throttlingError, times: 2 });
    const read = await getAssociation(db, workspace.id, association.id);
    expect(read.id).toBe(association.id);
    expect(fault.attempts()).toBe(3);
  });

  it('becomes a clear, bilingual "try again" error once the retries are used up', async () => {
    const db = testDb({ maxAttempts: 3 });
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const fault = injectFault(db, { command: 'GetItemCommand', error: throttlingError });
    const error = await getAssociation(db, workspace.id, association.id).catch((e: unknown) => e);
    expect(fault.attempts()).toBe(3);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).status).toBe(503);
    expect((error as UnavailableError).safe.fi).toMatch(/yritä/i);
    expect((error as UnavailableError).safe.en).toMatch(/try again/i);
  });
});

describe('eachResultPage', () => {
  it('reads every page in order until DynamoDB gives no LastEvaluatedKey, and stops when the reader does', async () => {
    const pages = [
      { Items: [1, 2], LastEvaluatedKey: { pk: 'a' } },
      { Items: [3], LastEvaluatedKey: { pk: 'b' } },
      { Items: [4] },
    ];
    const starts: unknown[] = [];
    const read = async (start: Record<string, unknown> | undefined) => {
      starts.push(start);
      return pages[starts.length - 1]!;
    };
    const items: number[] = [];
    for await (const page of eachResultPage(read)) items.push(...page.Items);
    expect(items).toEqual([1, 2, 3, 4]);
    expect(starts).toEqual([undefined, { pk: 'a' }, { pk: 'b' }]);

    starts.length = 0;
    for await (const page of eachResultPage(read)) if (page.Items.includes(1)) break;
    expect(starts).toEqual([undefined]); // a reader that stops early costs no further round trip
  });
});
