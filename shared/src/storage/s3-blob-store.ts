// The blob store in the export bucket (AWS). Packages are streamed in as multipart uploads (a few
// 5 MB parts in memory at most); browsers download through presigned GET links and upload
// through presigned POST forms, so no file passes through the web function's 6 MB limit.
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { attachment, checkKey, tooLarge, type BlobStore } from './blob-store';

/** How long a download or upload link works. */
export const LINK_SECONDS = 15 * 60;

const isMissing = (error: unknown) =>
  error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

export function s3BlobStore(client: S3Client, bucket: string, region: string): BlobStore {
  const head = async (key: string) => {
    try {
      return await client.send(new HeadObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };
  const get = async (key: string) => {
    try {
      return await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkKey(key) }));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };
  return {
    // Browsers post upload forms to the bucket's virtual-hosted address.
    uploadOrigin: `https://${bucket}.s3.${region}.amazonaws.com`,
    async put(key, body, contentType) {
      await new Upload({
        client,
        params: { Bucket: bucket, Key: checkKey(key), Body: body, ContentType: contentType },
        queueSize: 2,
      }).done();
    },
    async getBytes(key, maxBytes) {
      const meta = await head(key);
      if (!meta) return undefined;
      if ((meta.ContentLength ?? 0) > maxBytes) throw tooLarge(maxBytes);
      const object = await get(key);
      return object?.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
    },
    async getStream(key) {
      const object = await get(key);
      return object?.Body as Readable | undefined;
    },
    downloadLink(key, fileName) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: checkKey(key),
          ResponseContentDisposition: attachment(fileName),
          ResponseCacheControl: 'no-store',
        }),
        { expiresIn: LINK_SECONDS },
      );
    },
    async uploadForm(key, { maxBytes, redirectTo }) {
      const post = await createPresignedPost(client, {
        Bucket: bucket,
        Key: checkKey(key),
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$success_action_redirect', redirectTo],
        ],
        Fields: { success_action_redirect: redirectTo },
        Expires: LINK_SECONDS,
      });
      return { action: post.url, fields: post.fields };
    },
  };
}
