// The port for files the app keeps outside the table: handover packages it builds and spreadsheets
// users upload. Locally a folder (local-blob-store.ts); in AWS the export bucket
// (s3-blob-store.ts), where the browser uploads and downloads directly through short-lived signed
// links, because a Lambda request or response carries at most 6 MB.
import { localised } from '../i18n/messages';
import type { Readable } from 'node:stream';
import { ValidationError } from '../errors';

/** A form the browser posts a file with: `fields` first, then the file as `file`. */
export interface UploadForm {
  action: string;
  fields: Record<string, string>;
}

export interface BlobStore {
  /** Where upload forms post to when it is not the app itself (the pages' CSP must allow it). */
  readonly uploadOrigin?: string;
  /** Writes `body` to `key`, replacing what was there; resolves when all of it is stored. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The whole object, or undefined when there is none; larger than `maxBytes` is refused. */
  getBytes(key: string, maxBytes: number): Promise<Buffer | undefined>;
  /** The object as a stream, or undefined when there is none. */
  getStream(key: string): Promise<Readable | undefined>;
  /** A short-lived download link, or undefined when the app serves the file itself (locally). */
  downloadLink(key: string, fileName: string): Promise<string | undefined>;
  /** A form that uploads one file of at most `maxBytes` to `key`, then sends the browser to `redirectTo`. */
  uploadForm(key: string, options: { maxBytes: number; redirectTo: string }): Promise<UploadForm>;
}

/** Keys are paths of plain segments, made by the app: `handover/<workspace>/<id>/<file>`. */
const KEY = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 500) throw new Error(`Not a storage key: ${key}`);
  return key;
}

export const tooLarge = (maxBytes: number) =>
  new ValidationError([
    {
      field: 'file',
      message: localised('blobStore.tooLarge', { megabytes: Math.floor(maxBytes / 1024 / 1024) }),
    },
  ]);

/** `Content-Disposition` for a download under `fileName` (ASCII fallback plus UTF-8). */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
