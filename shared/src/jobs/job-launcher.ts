// Starts a background job without waiting for it. Locally the job runs in this process after the
// request has been answered; in AWS the jobs Lambda is invoked asynchronously (Lambda retries a
// failed invocation, and a job that never started can be started again from its page).
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { idSchema, workspaceIdSchema } from '../ids';

export interface JobLauncher {
  launch(workspaceId: string, jobId: string): Promise<void>;
}

/** The event the jobs Lambda is invoked with. */
export const runJobEventSchema = z.object({
  kind: z.literal('run-job'),
  workspaceId: workspaceIdSchema,
  jobId: idSchema,
});
export type RunJobEvent = z.output<typeof runJobEventSchema>;

export function inProcessLauncher(
  runner: (workspaceId: string, jobId: string) => Promise<unknown>,
  onError: (error: unknown) => void,
): JobLauncher {
  return {
    launch(workspaceId, jobId) {
      setImmediate(() => {
        runner(workspaceId, jobId).catch(onError);
      });
      return Promise.resolve();
    },
  };
}

export function lambdaLauncher(client: LambdaClient, functionName: string): JobLauncher {
  return {
    async launch(workspaceId, jobId) {
      const event: RunJobEvent = { kind: 'run-job', workspaceId, jobId };
      await client.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(event)),
        }),
      );
    },
  };
}
