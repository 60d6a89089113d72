// The parts of AWS's event shapes our handlers read, as zod schemas: every handler parses its
// event with `parseInput`, so an event that is not what the function is wired to receive is a
// ValidationError (naming the fields, never their values) before any work. Unread fields pass.
import { z } from 'zod';

/** An SNS delivery (the mail-events subscription): the messages only. */
export const snsEventSchema = z.object({
  Records: z
    .array(z.object({ Sns: z.object({ Message: z.string().max(256 * 1024) }).loose() }).loose())
    .min(1)
    .max(100),
});

/** A Lambda Function URL request (payload 2.0), as CloudFront passes it to the web function. */
export const functionUrlEventSchema = z
  .object({
    rawPath: z.string(),
    rawQueryString: z.string(),
    headers: z.record(z.string(), z.string()).optional(),
    cookies: z.array(z.string()).optional(),
    requestContext: z.object({ http: z.object({ method: z.string().min(1) }).loose() }).loose(),
    body: z.string().optional(),
    isBase64Encoded: z.boolean(),
  })
  .loose();

/** The fixed input of a schedule that passes nothing (the expiry sweep): an empty object. */
export const emptyScheduledEventSchema = z.object({}).strict();
