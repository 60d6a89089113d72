import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { guardFormBody } from './request-body';

const multipart = (body: BodyInit, signal?: AbortSignal) =>
  new Request('http://127.0.0.1/uploads', {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=kohtaamo' },
    body,
    ...(signal ? { signal } : {}),
    duplex: 'half',
  } as RequestInit);

async function refusal(request: Request): Promise<{ status: number; en?: string }> {
  guardFormBody(request);
  const caught = await request.formData().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isHttpError(caught)) throw new Error(`expected an HttpError, got ${String(caught)}`);
  return { status: caught.status, en: (caught.body as { en?: string }).en };
}

describe('form body guard', () => {
  it('answers a broken multipart body with 400 and a message', async () => {
    const refused = await refusal(multipart('--kohtaamo\r\nnot a part header\r\n\r\nx'));
    expect(refused.status).toBe(400);
    expect(refused.en).toMatch(/could not be read/);
  });

  it('answers a body the client stopped sending with 400 "interrupted"', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(
          new TextEncoder().encode('--kohtaamo\r\nContent-Disposition: form-data; name="file"\r\n\r\nab'),
        );
        setImmediate(() => {
          controller.abort();
          stream.error(new Error('aborted'));
        });
      },
    });
    const refused = await refusal(multipart(body, controller.signal));
    expect(refused.status).toBe(400);
    expect(refused.en).toMatch(/interrupted/);
  });

  it('keeps 413 for a body over the size limit', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.error(Object.assign(new Error('too large'), { status: 413 }));
      },
    });
    expect((await refusal(multipart(body))).status).toBe(413);
  });

  it('passes a good form through', async () => {
    const request = new Request('http://127.0.0.1/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@example.invalid' }),
    });
    guardFormBody(request);
    expect((await request.formData()).get('email')).toBe('a@example.invalid');
  });
});
