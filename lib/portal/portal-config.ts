// Portal settings read once from the environment: the host's brand (kept server side, never taken from a link's
// query string, so a forwarded link cannot restyle another host's portal), the session limits and the frame origins.
import { brandSettings, env } from '../env';
interface PortalBrand {
  name: string;
  logoUrl: string | null;
  /** #rrggbb */
  accent: string;
  /** Text colour that keeps AA contrast on the accent (white or near-black). */
  accentForeground: string;
}

export interface PortalConfig {
  brand: PortalBrand;
}

/** Sessions last at most 6 hours; links expire unused after 5 minutes. */
export const SESSION_TTL_SECONDS = 6 * 60 * 60;
export const LINK_TTL_MS = 5 * 60 * 1000;

let cached: PortalConfig | undefined;

export function portalConfig(): PortalConfig {
  if (cached) return cached;
  const brand = brandSettings();
  cached = { brand: { ...brand, accentForeground: foregroundFor(brand.accent) } };
  return cached;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast: pick whichever of white or slate-950 reads better on the accent. */
function foregroundFor(hex: string): string {
  const l = luminance(hex);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (luminance('#020617') + 0.05);
  return onWhite >= onDark ? '#ffffff' : '#020617';
}

/** Origins that may frame the portal (PORTAL_ALLOWED_ORIGINS), and so receive its messages; not secret (the CSP lists them). */
export function portalFrameOrigins(): string[] {
  return env().portalAllowedOrigins;
}
