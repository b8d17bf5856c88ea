// The Date constructor as the runtime made it, when scripts/native-date.mjs ran before Next.js replaced the global
// one (the custom server); the global Date otherwise (tests, `next dev`). Same prototype either way: `instanceof
// Date` holds for both. For the SCIM hot path's clock reads and timestamp parsing, which run outside any render.
export const NativeDate: DateConstructor = (globalThis as { __scimPortalNativeDate?: DateConstructor }).__scimPortalNativeDate ?? Date;
