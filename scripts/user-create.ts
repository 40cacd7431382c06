// npm run user:create -- --email you@clinic.org --role admin [--name "Your Name"]
// Compiled (Docker): node dist/api/scripts/user-create.js --email … --role admin
// Creates a user (the first admin, typically) with the password from PREAUTH_PASSWORD or typed
// at the prompt. There is never a default password.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../apps/api/src/config/config';
import { withMigratedCliClient } from '../apps/api/src/database/cli-database';
import {
  createUserFromCli,
  parseUserCreateArgs,
  UsageError,
  USER_CREATE_USAGE,
} from '../apps/api/src/modules/users/user-cli';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Reads a line from the terminal without echoing it. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.PREAUTH_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError('set PREAUTH_PASSWORD, or run this in a terminal to type the password');
  const first = await askHidden('Password (at least 12 characters): ');
  const second = await askHidden('Same password again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    say(USER_CREATE_USAGE);
    return 0;
  }
  const args = parseUserCreateArgs(argv);
  const password = await readPassword();
  const config = loadConfig();
  const { id, created } = await withMigratedCliClient(config, say, (client) =>
    createUserFromCli(client, args, password),
  );
  say(
    created
      ? `Created ${args.roles.join(', ')} ${args.email} (${id}).`
      : `Set a new password for ${args.email} (${id}) and ended their sessions.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`user:create: ${error.message}\n\n${USER_CREATE_USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `user:create: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
