// The blob store the configuration names: the export bucket in AWS, else a folder in the data
// directory.
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config';
import type { BlobStore } from './blob-store';
import { localBlobStore } from './local-blob-store';
import { s3BlobStore } from './s3-blob-store';

export function blobStoreFromConfig(config: Config): BlobStore {
  return config.KOHTAAMO_BLOB_BUCKET
    ? s3BlobStore(new S3Client({ region: config.AWS_REGION }), config.KOHTAAMO_BLOB_BUCKET, config.AWS_REGION)
    : localBlobStore(join(config.KOHTAAMO_DATA_DIR, 'blobs'), { secret: config.KOHTAAMO_CURSOR_SECRET });
}
