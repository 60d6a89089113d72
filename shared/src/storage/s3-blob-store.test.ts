// The S3 adapter through the real SDK client, with S3 answered by a fake HTTP handler (there is no
// local S3 engine): what it stores, reads, refuses, how a throttled upload is retried, and what the
// signed download and upload links allow.
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { s3BlobStore } from './s3-blob-store';

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** S3 over HTTP with objects in a map; `failures` answers the first PUTs with 503 SlowDown. */
function fakeS3(failures = 0) {
  const objects = new Map<string, Buffer>();
  const calls: string[] = [];
  let failuresLeft = failures;
  const client = new S3Client({
    region: 'eu-north-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    retryStrategy: new ConfiguredRetryStrategy(4, () => 5),
    requestHandler: {
      handle: async (request: { method: string; hostname: string; path: string; body?: unknown }) => {
        const key = decodeURIComponent(request.path.replace(/^\//, ''));
        calls.push(`${request.method} ${request.hostname} ${key}`);
        const respond = (statusCode: number, body: Buffer = Buffer.alloc(0), headers = {}) => ({
          response: { statusCode, headers, body: Readable.from([body]) },
        });
        if (request.method === 'PUT') {
          const bytes = await bodyBytes(request.body);
          if (failuresLeft-- > 0) {
            return respond(
              503,
              Buffer.from('<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>'),
            );
          }
          objects.set(key, bytes);
          return respond(200, Buffer.alloc(0), { etag: '"etag"' });
        }
        const object = objects.get(key);
        if (!object) {
          return request.method === 'HEAD'
            ? respond(404)
            : respond(
                404,
                Buffer.from('<Error><Code>NoSuchKey</Code><Message>No such key</Message></Error>'),
              );
        }
        const headers = { 'content-length': String(object.length), 'content-type': 'application/zip' };
        return request.method === 'HEAD'
          ? respond(200, Buffer.alloc(0), headers)
          : respond(200, object, headers);
      },
    },
  });
  return { client, objects, calls };
}

describe('S3 blob store', () => {
  it('stores a stream and reads it back whole or as a stream; a missing object is undefined', async () => {
    const s3 = fakeS3();
    const store = s3BlobStore(s3.client, 'kohtaamo-exports', 'eu-north-1');
    await store.put(
      'handover/w1/job/paketti.zip',
      Readable.from([Buffer.from('PK ääkköset')]),
      'application/zip',
    );
    expect(s3.calls[0]).toBe('PUT kohtaamo-exports.s3.eu-north-1.amazonaws.com handover/w1/job/paketti.zip');
    expect((await store.getBytes('handover/w1/job/paketti.zip', 1000))?.toString()).toBe('PK ääkköset');
    const stream = await store.getStream('handover/w1/job/paketti.zip');
    expect((await bodyBytes(stream)).toString()).toBe('PK ääkköset');
    expect(await store.getBytes('handover/w1/job/none.zip', 1000)).toBeUndefined();
    expect(await store.getStream('handover/w1/job/none.zip')).toBeUndefined();
  });

  it('refuses to read an object larger than the limit, before downloading it', async () => {
    const s3 = fakeS3();
    const store = s3BlobStore(s3.client, 'kohtaamo-exports', 'eu-north-1');
    await store.put('imports/w1/x/upload', Readable.from([Buffer.alloc(2048)]), 'text/csv');
    s3.calls.length = 0;
    await expect(store.getBytes('imports/w1/x/upload', 1024)).rejects.toBeInstanceOf(ValidationError);
    expect(s3.calls.map((c) => c.split(' ')[0])).toEqual(['HEAD']);
  });

  it('retries a throttled upload (503 SlowDown) and then stores it once', async () => {
    const s3 = fakeS3(2);
    const store = s3BlobStore(s3.client, 'kohtaamo-exports', 'eu-north-1');
    await store.put('handover/w1/job/a.zip', Readable.from([Buffer.from('data')]), 'application/zip');
    expect(s3.calls.filter((c) => c.startsWith('PUT'))).toHaveLength(3);
    expect(s3.objects.get('handover/w1/job/a.zip')?.toString()).toBe('data');
  });

  it('signs a 15-minute download link that names the file', async () => {
    const store = s3BlobStore(fakeS3().client, 'kohtaamo-exports', 'eu-north-1');
    const link = new URL((await store.downloadLink('handover/w1/job/a.zip', 'kohtaamo-ääkköset.zip')) ?? '');
    expect(link.host).toBe('kohtaamo-exports.s3.eu-north-1.amazonaws.com');
    expect(link.pathname).toBe('/handover/w1/job/a.zip');
    expect(link.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(link.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="kohtaamo-aakkoset.zip"; filename*=UTF-8''kohtaamo-%C3%A4%C3%A4kk%C3%B6set.zip`,
    );
  });

  it('signs an upload form for one key, a size range and the page to return to', async () => {
    const store = s3BlobStore(fakeS3().client, 'kohtaamo-exports', 'eu-north-1');
    const form = await store.uploadForm('imports/w1/01J/upload', {
      maxBytes: 20 * 1024 * 1024,
      redirectTo: 'https://kohtaamo.example.fi/admin/import/01J',
    });
    expect(form.action).toBe('https://kohtaamo-exports.s3.eu-north-1.amazonaws.com/');
    expect(`${store.uploadOrigin}/`).toBe(form.action);
    expect(form.fields).toMatchObject({
      key: 'imports/w1/01J/upload',
      success_action_redirect: 'https://kohtaamo.example.fi/admin/import/01J',
    });
    const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString()) as {
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 20 * 1024 * 1024],
        ['eq', '$success_action_redirect', 'https://kohtaamo.example.fi/admin/import/01J'],
        { key: 'imports/w1/01J/upload' },
      ]),
    );
  });

  it('refuses keys the app would never make', async () => {
    const store = s3BlobStore(fakeS3().client, 'kohtaamo-exports', 'eu-north-1');
    await expect(store.getBytes('../other', 10)).rejects.toThrow(/Not a storage key/);
    await expect(store.getBytes('handover//x', 10)).rejects.toThrow(/Not a storage key/);
  });
});
