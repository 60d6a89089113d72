// `npm run create-admin -- --workspace default --email anna@example.fi --name "Anna" [--password P]`:
// makes an admin account directly (a random password is printed when none is given). An address
// that already has an account keeps its own password (never checked or changed here).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { workspaceIdSchema } from '../shared/src/ids';
import { createAccount } from '../shared/src/user/accounts';
import { loadLocalConfig, localDb, openLocalEngine, parseArgsOrExit, reportAppError } from './local-runtime';

const argsSchema = z.object({
  workspace: workspaceIdSchema.optional(),
  email: z.string().min(3),
  name: z.string().trim().min(1),
  password: z.string().min(1).optional(),
});

const args = parseArgsOrExit(
  argsSchema,
  'Usage: npm run create-admin -- --email <e-mail> --name "<name>" [--workspace <id>] [--password <password>]',
);
const config = await loadLocalConfig();
const engine = await openLocalEngine(config);
try {
  const password = args.password ?? randomBytes(15).toString('base64url');
  const result = await createAccount(localDb(config, engine.endpoint), {
    workspaceId: args.workspace ?? config.KOHTAAMO_WORKSPACE,
    role: 'admin',
    name: args.name,
    email: args.email,
    password,
  });
  console.log(
    `${result.created ? 'Created' : 'Made existing'} user ${result.user.id} an admin of "${result.member.workspaceId}".` +
      (result.created ? '' : ' Its password is unchanged.') +
      (args.password || !result.created ? '' : `\nPassword: ${password}`),
  );
} catch (error) {
  reportAppError(error);
} finally {
  await engine.close();
}
