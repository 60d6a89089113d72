// The blob store in a local folder (`npm start`, tests). Writes go to a temporary name and are
// renamed when complete, so a reader never sees half a file. Uploads post to the app's own
// `/uploads` endpoint with a signed policy, as a browser posts to S3 in AWS: the key, the size
// limit and the redirect are fixed by the app, not chosen by the browser. Folders are made 0700
// and files 0600: uploads and handover packages hold personal data.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkKey, tooLarge, type BlobStore, type UploadForm } from './blob-store';

export const LOCAL_UPLOAD_ACTION = '/uploads';
const UPLOAD_VALIDITY_MS = 60 * 60 * 1000;

export interface UploadPolicy {
  key: string;
  maxBytes: number;
  redirectTo: string;
  expires: number;
}

function sign(secret: string, policy: UploadPolicy): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify([policy.key, policy.maxBytes, policy.redirectTo, policy.expires]))
    .digest('hex');
}

/** The policy of a local upload form when its signature holds and it has not expired. */
export function verifyUploadPolicy(
  secret: string,
  fields: Record<string, string | undefined>,
  now: Date,
): UploadPolicy | undefined {
  const policy: UploadPolicy = {
    key: fields.key ?? '',
    maxBytes: Number(fields.maxBytes),
    redirectTo: fields.redirectTo ?? '',
    expires: Number(fields.expires),
  };
  const presented = Buffer.from(fields.signature ?? '', 'hex');
  const expected = Buffer.from(sign(secret, policy), 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
  if (!(policy.expires > now.getTime())) return undefined;
  return policy;
}

export function localBlobStore(root: string, options: { secret: string; now?: () => Date }): BlobStore {
  const now = options.now ?? (() => new Date());
  const pathOf = (key: string) => join(root, checkKey(key));
  const exists = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() === true;
  return {
    async put(key, body) {
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await pipeline(body, createWriteStream(partial, { mode: 0o600 }));
        await rename(partial, file);
      } finally {
        await rm(partial, { force: true });
      }
    },
    async getBytes(key, maxBytes) {
      const file = pathOf(key);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      if (info.size > maxBytes) throw tooLarge(maxBytes);
      return readFile(file);
    },
    async getStream(key) {
      const file = pathOf(key);
      return (await exists(file)) ? createReadStream(file) : undefined;
    },
    downloadLink: () => Promise.resolve(undefined),
    uploadForm(key, { maxBytes, redirectTo }): Promise<UploadForm> {
      const policy: UploadPolicy = {
        key: checkKey(key),
        maxBytes,
        redirectTo,
        expires: now().getTime() + UPLOAD_VALIDITY_MS,
      };
      return Promise.resolve({
        action: LOCAL_UPLOAD_ACTION,
        fields: {
          key: policy.key,
          maxBytes: String(maxBytes),
          redirectTo,
          expires: String(policy.expires),
          signature: sign(options.secret, policy),
        },
      });
    },
  };
}
