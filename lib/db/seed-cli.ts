// Seeds a demo organization on first run and prints where things are.
import { getDb } from './client';
import { transaction } from './transaction';
import { env } from '../env';
import { defaultHost } from '../host-api/api-keys';
import { createOrganization } from '../organizations/organizations';
import { countOperators } from '../operators/operators';

async function main(): Promise<void> {
  const db = await getDb();
  const created = await transaction(db, async (tx) => {
    const host = await defaultHost(tx);
    if ((await tx.organization.count({ where: { hostId: host.id } })) > 0) return null;
    return createOrganization(tx, { hostId: host.id, name: 'Demo Organization', externalId: 'demo' });
  });
  const { publicUrl } = env();
  if (created) console.log(`Seeded the demo organization ${created.id}.`);
  console.log(`scim-portal at ${publicUrl}`);
  console.log(`  Host API:  ${publicUrl}/api/v1 (create a key: npm run --silent cli -- api-keys create --name my-app)`);
  console.log(
    `  Dashboard: ${publicUrl}/dashboard ${(await countOperators(db)) ? '(sign in with your operator email and password)' : '(no operator yet; create one: npm run --silent cli -- operators create --email admin@example.com, password from OPERATOR_PASSWORD or stdin)'}`,
  );
  console.log(`  SCIM:      ${publicUrl}/scim/v2/{directoryId}`);
  await db.$disconnect();
}

main().catch((e: Error) => {
  console.error(`seed failed: ${e.message}`);
  process.exit(1);
});
