// The one reader of process.env: each area's settings, validated with zod and parsed once (see setting.ts).
export { env, isPostgresUrl, type ScimLimits } from './server';
export { resetEnv } from './setting';
export { webhookSettings, eventMaxBytes } from './webhooks';
export { rateLimitSettings, portalLimitSettings } from './limits';
export { jobSettings, secretSettings, brandSettings, cliSettings, provideNextAuthUrl } from './operations';
