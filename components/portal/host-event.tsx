'use client';
// Posts one message to the embedding host when a page shows (an error page's reason), so the host can act on it:
// mint a new link, or close the portal.
import { useEffect } from 'react';
import { postToHost, type HostMessage } from '@/lib/client/host-messages';

export function HostEvent({ message }: { message: HostMessage }) {
  const json = JSON.stringify(message);
  useEffect(() => {
    postToHost(JSON.parse(json) as HostMessage);
  }, [json]);
  return null;
}
