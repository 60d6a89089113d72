// The first admin's setup link on the command line: kept in a file readable by its owner only
// (so the next `npm start` or deploy reuses it instead of minting another), printed only to an
// interactive terminal; otherwise (CI, a service manager, `| tee log`) only the file's name is
// printed, so the link never lands where logs are collected.
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PendingSetupLink } from '../shared/src/workspace/first-admin';

/** `<dir>/setup-link-<workspace>.txt`: the link and nothing else. */
export function setupLinkFile(dir: string, workspaceId: string): string {
  return join(dir, `setup-link-${workspaceId}.txt`);
}

/** Keeps the pending link `<origin>/setup/<token>` in `file` (mode 0600). */
export function setupLinkKeeper(file: string, origin: string): PendingSetupLink {
  return {
    async read() {
      const text = await readFile(file, 'utf8').catch(() => '');
      return /\/setup\/([A-Za-z0-9_-]{43})\s*$/.exec(text)?.[1];
    },
    async write(token) {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, `${origin}/setup/${token}\n`, { mode: 0o600 });
      // writeFile's mode applies only to a new file.
      await chmod(file, 0o600);
    },
    async clear() {
      await rm(file, { force: true });
    },
  };
}

/** The lines to print about a pending link: the link itself only on an interactive terminal. */
export function setupLinkLines(input: {
  origin: string;
  token: string;
  file: string;
  interactive: boolean;
}): string[] {
  return input.interactive
    ? [`  ${input.origin}/setup/${input.token}`, `  (also kept in ${input.file}, readable by you only)`]
    : [
        `  The link is in ${input.file} (readable by you only; not printed, as this output is not a terminal).`,
      ];
}
