'use client';
// Re-enabling sends the endpoint's pending deliveries again and queues events from now on.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';
import { Button } from '../ui/button';
import { InlineError } from './form-result';

type Reenable = (id: string) => Promise<ActionResult<{ id: string }>>;

export function ReenableEndpointButton({ id, url, action }: { id: string; url: string; action: Reenable }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        loading={pending}
        aria-label={`Re-enable ${url}`}
        onClick={() =>
          startTransition(async () => {
            const r = await action(id).catch(() => ({ ok: false as const, error: 'The request failed. Try again.' }));
            setError(r.ok ? null : r.error);
          })
        }
      >
        Re-enable
      </Button>
      <InlineError message={error} />
    </span>
  );
}
