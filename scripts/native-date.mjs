// Imported before Next.js (scripts/serve.mjs): keeps the global Date constructor as the runtime made it. Next's server
// replaces the global Date with a wrapper that, on every `new Date()` and `Date.now()`, looks up two async-local
// stores to learn whether a prerender is observing the clock; the SCIM fast path runs outside any render and makes
// ~5 such calls a request (lib/native-date.ts).
globalThis.__scimPortalNativeDate ??= Date;
