// Background jobs, secrets at rest, the portal's brand and the CLI's inputs.
import { z } from 'zod';
import { atLeast, number, raw, settings, text } from './setting';

export const jobSettings = settings(
  z
    .object({
      REQUEST_LOG_RETENTION_DAYS: number(30, z.number().positive()),
      DELIVERY_LOG_RETENTION_DAYS: number(30, z.number().positive()),
      RETENTION_INTERVAL_MS: number(3_600_000, z.number().positive()),
      HEALTH_CHECK_INTERVAL_MS: number(10_000, z.number().positive()),
    })
    .transform((e) => ({
      requestLogRetentionDays: e.REQUEST_LOG_RETENTION_DAYS,
      deliveryLogRetentionDays: e.DELIVERY_LOG_RETENTION_DAYS,
      retentionIntervalMs: e.RETENTION_INTERVAL_MS,
      healthCheckIntervalMs: e.HEALTH_CHECK_INTERVAL_MS,
    })),
);

export const secretSettings = settings(
  z.object({ SECRETS_ENCRYPTION_KEY: raw(), SECRETS_KEY_FILE: z.string().default('data/secrets.key'), NEXTAUTH_SECRET: raw() }).transform((e) => ({
    /** 32 bytes, base64 or hex; required when several processes share a database. */
    encryptionKey: e.SECRETS_ENCRYPTION_KEY,
    encryptionKeyFile: e.SECRETS_KEY_FILE,
    /** next-auth's own setting: when set it signs dashboard sessions, as next-auth documents. */
    dashboardSessionSecret: e.NEXTAUTH_SECRET,
  })),
);

/** The host's brand in the portal: a name, a logo (http(s) or a path) and an accent colour (#rgb or #rrggbb). */
export const brandSettings = settings(
  z.object({ PORTAL_BRAND_NAME: text(), PORTAL_BRAND_LOGO_URL: text(), PORTAL_BRAND_ACCENT: text() }).transform((e) => ({
    name: e.PORTAL_BRAND_NAME ?? 'Admin Portal',
    logoUrl: e.PORTAL_BRAND_LOGO_URL && /^(https?:\/\/|\/)/.test(e.PORTAL_BRAND_LOGO_URL) ? e.PORTAL_BRAND_LOGO_URL : null,
    accent: parseHex(e.PORTAL_BRAND_ACCENT) ?? '#4f46e5',
  })),
);

function parseHex(s = ''): string | null {
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(s)) return `#${[...s.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return null;
}

export const cliSettings = settings(
  z.object({ PUBLIC_URL: text(), PORT: raw(), OPERATOR_PASSWORD: raw() }).transform((e) => ({
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    /** The port a server of this checkout serves on, when PORT is set (not a number: 3000). */
    port: e.PORT === undefined ? undefined : atLeast(3000, 0).parse(e.PORT) || 3000,
    /** The CLI's password input, instead of a prompt. */
    operatorPassword: e.OPERATOR_PASSWORD,
  })),
);

/** next-auth reads NEXTAUTH_URL for its callback and redirect URLs: this install's origin unless set. */
export function provideNextAuthUrl(publicUrl: string): void {
  process.env.NEXTAUTH_URL ??= publicUrl;
}
