import { describe, expect, it } from 'vitest';
import {
  addAssociation,
  freshWorkspace,
  injectFault,
  testDb,
  throttlingError,
} from '../../../test/support/test-db';
import { getAssociation } from '../association/association.store';
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
