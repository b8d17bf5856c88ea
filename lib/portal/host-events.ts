// The message a portal page posts to the host for a refused link (lib/client/host-messages.ts lists them all).
import type { HostMessage } from '../client/host-messages';

export function linkRefusalMessage(reason: string): HostMessage {
  if (reason === 'used') return { type: 'link.used' };
  if (reason === 'expired') return { type: 'link.expired' };
  if (reason === 'error') return { type: 'link.error' };
  return { type: 'link.invalid' };
}
