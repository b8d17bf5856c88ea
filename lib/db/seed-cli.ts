// Seeds a demo organization on first run and prints where things are.
import { closeDatabase, write } from './database';
import { env } from '../env';
import { defaultHost } from '../hosts/hosts';
import { countOrganizations, createOrganization } from '../organizations/organizations';
import { countOperators } from '../operators/operators';

async function main(): Promise<void> {
  const created = await write(function* (env) {
    const host = yield* defaultHost(env);
    if ((yield* countOrganizations(host.id)) > 0) return null;
    return yield* createOrganization(env, { hostId: host.id, name: 'Demo Organization', externalId: 'demo' });
  });
  const { publicUrl } = env();
  if (created) console.log(`Seeded the demo organization ${created.id}.`);
  console.log(`scim-portal at ${publicUrl}`);
  console.log(`  Host API:  ${publicUrl}/api/v1 (create a key: npm run --silent cli -- api-keys create --name my-app)`);
  console.log(
    `  Dashboard: ${publicUrl}/dashboard ${(await countOperators()) ? '(sign in with your operator email and password)' : '(no operator yet; create one: npm run --silent cli -- operators create --email admin@example.com, password from OPERATOR_PASSWORD or stdin)'}`,
  );
  console.log(`  SCIM:      ${publicUrl}/scim/v2/{directoryId}`);
  await closeDatabase();
}

main().catch((e: Error) => {
  console.error(`seed failed: ${e.message}`);
  process.exit(1);
});
