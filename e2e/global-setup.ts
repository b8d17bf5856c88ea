// Starts the host page server (http://localhost:<p2>) and the built app (http://127.0.0.1:<p1>) with the host page's
// origin allowed to frame the portal. Tests read the targets from E2E_* environment variables.
import { freshSqliteUrl, startApp } from '../tests/setup/app-server';
import { startHostServer } from './support/host-server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  let appOrigin = '';
  const host = await startHostServer(() => appOrigin);
  const { target, child } = await startApp('sqlite', freshSqliteUrl('e2e'), {
    PORTAL_ALLOWED_ORIGINS: host.origin,
    PORTAL_BRAND_NAME: 'Acme HR',
    // Health changes (and directory.connected) show within a second, not the default 10 s.
    HEALTH_CHECK_INTERVAL_MS: '1000',
  });
  appOrigin = target.baseUrl;
  process.env.E2E_APP_URL = target.baseUrl;
  process.env.E2E_HOST_ORIGIN = host.origin;
  process.env.E2E_API_KEY = target.apiKey;
  process.env.E2E_DATABASE_URL = target.databaseUrl;
  return async () => {
    child.kill('SIGTERM');
    await host.close();
  };
}
