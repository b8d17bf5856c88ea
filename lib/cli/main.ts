// npm run --silent cli -- <command>: operator commands against whatever DATABASE_URL points to.
import { servedUrl } from './served-url';
import { closeDatabase, write } from '../db/database';
import { migrate } from '../db/migrate';
import { env } from '../env';
import { createApiKey } from '../host-api/api-keys';
import { auditSql } from '../audit/audit-log';
import { endOperatorSessions } from '../operators/operator-sessions';
import { createOperator, findOperatorByEmail, prepareOperator, removeOperator } from '../operators/operators';
import { readPassword } from '../operators/read-password';

const HELP = `Usage: npm run --silent cli -- <command> [options]

Commands:
  api-keys create --name <name>   Create a host API key; prints the secret alone on the last line of stdout.
  operators create --email <email>
                                  Create a dashboard operator; the password is read from OPERATOR_PASSWORD,
                                  else from stdin (typed without echo on a terminal). It must have at least 12
                                  characters not counting spaces at either end, must not be a few characters
                                  repeated, a common password or one built on a common word (Password2024!),
                                  and must not contain the email's name.
  operators remove --email <email>
                                  Remove an operator; their dashboard sessions end at once.
  operators sign-out --email <email>
                                  End every dashboard session of an operator (after a lost laptop, say).
  migrate                         Apply pending database migrations.
  --help                          Show this help.

Environment: DATABASE_URL (default file:./data/portal.db).`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(args: string[]): Promise<number> {
  const [cmd, sub] = args;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(HELP);
    return 0;
  }
  if (cmd === 'migrate') {
    const applied = await migrate(env().databaseUrl);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
    return 0;
  }
  if (cmd === 'api-keys' && sub === 'create') {
    const name = option(args, '--name');
    if (!name) {
      console.error('api-keys create: --name <name> is required');
      return 2;
    }
    await migrate(env().databaseUrl);
    const key = await write((env) => createApiKey(env, { name }));
    console.log(`Created API key ${key.id} ("${key.name}") for host ${key.hostId}. Shown once; store it now:`);
    console.log(key.key);
    await closeDatabase();
    return 0;
  }
  if (cmd === 'operators' && sub === 'create') {
    const email = option(args, '--email');
    if (!email) {
      console.error('operators create: --email <email> is required');
      return 2;
    }
    const password = await readPassword(`Password for ${email}: `);
    await migrate(env().databaseUrl);
    const prepared = await prepareOperator({ email, password });
    const operator = await write((env) => createOperator(env, prepared));
    console.log(`Created operator ${operator.id} (${operator.email}) for host ${operator.hostId}.`);
    console.log(`Sign in at ${servedUrl()}/dashboard/signin`);
    await closeDatabase();
    return 0;
  }
  if (cmd === 'operators' && (sub === 'remove' || sub === 'sign-out')) {
    const email = option(args, '--email');
    if (!email) {
      console.error(`operators ${sub}: --email <email> is required`);
      return 2;
    }
    await migrate(env().databaseUrl);
    if (sub === 'remove') {
      const removed = await write((env) => removeOperator(env, email));
      console.log(`Removed operator ${removed.id} (${removed.email}); their dashboard sessions have ended.`);
    } else {
      const operator = await findOperatorByEmail(email);
      if (!operator) throw new Error(`No operator has the email ${email}`);
      const ended = await write(function* (env) {
        const n = yield* endOperatorSessions(operator.id);
        yield* auditSql(env, { hostId: operator.hostId, actor: 'cli', action: 'operator.signed_out', target: operator.id, details: { sessions: n } });
        return n;
      });
      console.log(`Ended ${ended} dashboard session(s) of ${operator.email}.`);
    }
    await closeDatabase();
    return 0;
  }
  console.error(`Unknown command: ${args.join(' ')}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`error: ${e.message}`);
    process.exit(1);
  },
);
