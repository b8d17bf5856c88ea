'use client';
// Revoking is immediate and cannot be undone, so it takes a second, explicit confirmation.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';
import { Button } from '../ui/button';
import { InlineError } from './form-result';

type Revoke = (id: string) => Promise<ActionResult<{ id: string }>>;

export function RevokeApiKeyButton({ id, name, action }: { id: string; name: string; action: Revoke }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="danger"
        size="sm"
        loading={pending}
        autoFocus
        aria-label={`Confirm revoke ${name}`}
        onClick={() =>
          startTransition(async () => {
            const r = await action(id).catch(() => ({ ok: false as const, error: 'The request failed. Try again.' }));
            if (!r.ok) setError(r.error);
          })
        }
      >
        Confirm revoke
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
        Cancel
      </Button>
      <InlineError message={error} />
    </span>
  );
}
