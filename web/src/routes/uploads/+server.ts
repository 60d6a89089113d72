// Local uploads (`npm start`): the folder blob store's stand-in for S3's browser upload. The form's
// signed policy fixes the key, the size limit and where to go next; the key must belong to the
// signed-in admin's workspace. In AWS browsers upload to the export bucket and this is not used.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { error, redirect } from '@sveltejs/kit';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { tooLarge } from '@kohtaamo/shared/storage/blob-store';
import { verifyUploadPolicy } from '@kohtaamo/shared/storage/local-blob-store';
import { UPLOAD_PREFIX } from '@kohtaamo/shared/storage/retention';
import { member, serverContext } from '#lib/server/context.ts';
import type { RequestHandler } from './$types';

const refuse = (status: number, text: { fi: string; en: string }) =>
  error(status, { message: text.en, ...text });

const sameOrigin = (target: string, url: URL) => {
  try {
    return new URL(target, url).origin === url.origin;
  } catch {
    return false;
  }
};

export const POST: RequestHandler = async ({ request, locals, url }) => {
  const { config, db, blobs } = serverContext();
  if (config.KOHTAAMO_BLOB_BUCKET) refuse(404, localised('uploads.notFound'));
  const me = member(locals);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const policy = verifyUploadPolicy(
    config.KOHTAAMO_CURSOR_SECRET,
    {
      key: text('key'),
      maxBytes: text('maxBytes'),
      redirectTo: text('redirectTo'),
      expires: text('expires'),
      signature: text('signature'),
    },
    db.now(),
  );
  if (
    !policy ||
    !policy.key.startsWith(`${UPLOAD_PREFIX}${me.workspaceId}/`) ||
    !sameOrigin(policy.redirectTo, url)
  ) {
    refuse(400, localised('upload.failed'));
  }
  const { key, maxBytes, redirectTo } = policy as NonNullable<typeof policy>;
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) refuse(400, localised('upload.noFile'));
  const upload = file as File;
  if (upload.size > maxBytes)
    refuse(413, tooLarge(maxBytes).fields[0]?.message ?? localised('upload.failed'));
  await blobs.put(
    key,
    Readable.fromWeb(upload.stream() as NodeReadableStream<Uint8Array>),
    upload.type || 'application/octet-stream',
  );
  redirect(303, redirectTo);
};
