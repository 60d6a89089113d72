// The folder blob store: what it keeps, what it refuses, and its signed upload policy.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { localBlobStore, verifyUploadPolicy } from './local-blob-store';

const secret = 'local-secret-that-is-long-enough-0123456789';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kohtaamo-blobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('local blob store', () => {
  it('keeps a file under its key and leaves no temporary file behind', async () => {
    const store = localBlobStore(root, { secret });
    await store.put('handover/w1/j1/a.zip', Readable.from([Buffer.from('äö')]), 'application/zip');
    expect((await store.getBytes('handover/w1/j1/a.zip', 100))?.toString()).toBe('äö');
    expect(await readdir(join(root, 'handover/w1/j1'))).toEqual(['a.zip']);
    expect(await store.getBytes('handover/w1/j1/missing.zip', 100)).toBeUndefined();
    await expect(store.getBytes('handover/w1/j1/a.zip', 2)).rejects.toBeInstanceOf(ValidationError);
    expect(await store.downloadLink('handover/w1/j1/a.zip', 'a.zip')).toBeUndefined();
  });

  it('writes files 0600 in folders 0700', async () => {
    const store = localBlobStore(join(root, 'private'), { secret });
    await store.put('uploads/w1/j1/a.xlsx', Readable.from([Buffer.from('x')]), 'application/octet-stream');
    expect((await stat(join(root, 'private'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(root, 'private/uploads/w1/j1'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(root, 'private/uploads/w1/j1/a.xlsx'))).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file when a write fails half-way', async () => {
    const store = localBlobStore(root, { secret });
    await store.put('handover/w1/j2/a.zip', Readable.from([Buffer.from('old')]), 'application/zip');
    const failing = new Readable({
      read() {
        this.push(Buffer.from('new, half'));
        this.destroy(new Error('disk gone'));
      },
    });
    await expect(store.put('handover/w1/j2/a.zip', failing, 'application/zip')).rejects.toThrow('disk gone');
    expect((await store.getBytes('handover/w1/j2/a.zip', 100))?.toString()).toBe('old');
    expect(await readdir(join(root, 'handover/w1/j2'))).toEqual(['a.zip']);
  });

  it('signs an upload form whose key, size and redirect cannot be changed, for an hour', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const store = localBlobStore(root, { secret, now: () => at });
    const form = await store.uploadForm('imports/w1/01J/upload', {
      maxBytes: 1000,
      redirectTo: '/admin/import/01J',
    });
    expect(form.action).toBe('/uploads');
    expect(verifyUploadPolicy(secret, form.fields, at)).toEqual({
      key: 'imports/w1/01J/upload',
      maxBytes: 1000,
      redirectTo: '/admin/import/01J',
      expires: at.getTime() + 3600_000,
    });
    for (const change of [
      { key: 'imports/w2/01J/upload' },
      { maxBytes: '9999999' },
      { redirectTo: 'https://evil.example' },
    ]) {
      expect(verifyUploadPolicy(secret, { ...form.fields, ...change }, at)).toBeUndefined();
    }
    expect(verifyUploadPolicy('another-secret-0123456789-0123456789', form.fields, at)).toBeUndefined();
    expect(verifyUploadPolicy(secret, form.fields, new Date(at.getTime() + 3600_001))).toBeUndefined();
    expect(verifyUploadPolicy(secret, { ...form.fields, signature: 'zz' }, at)).toBeUndefined();
  });

  it('refuses keys that could leave its folder', async () => {
    const store = localBlobStore(root, { secret });
    await expect(store.getBytes('../etc/passwd', 10)).rejects.toThrow(/Not a storage key/);
    await expect(store.getBytes('/etc/passwd', 10)).rejects.toThrow(/Not a storage key/);
  });
});
