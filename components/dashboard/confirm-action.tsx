'use client';
// A destructive dashboard action behind a confirmation: a second click ("Confirm …"), or, for what cannot be undone
// and takes data with it, the object's name typed out. The server checks the typed name again.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';
import { Button, type ButtonVariant } from '../ui/button';
import { Input, Label } from '../ui/field';

type Run = (typed: string) => Promise<ActionResult<unknown>>;

export function ConfirmAction({
  label,
  confirmLabel,
  run,
  typeToConfirm,
  variant = 'secondary',
  onDone,
  names,
}: {
  label: string;
  confirmLabel: string;
  /** Accessible names of the two buttons when their text alone is ambiguous in a table ("Revoke" on every row). */
  names?: { open: string; confirm: string };
  run: Run;
  /** When set, the name the operator must type. */
  typeToConfirm?: string;
  variant?: ButtonVariant;
  onDone?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const go = () =>
    startTransition(async () => {
      const r = await run(typed).catch(() => ({ ok: false as const, error: 'The request failed. Try again.' }));
      if (!r.ok) setError(r.error);
      else {
        setOpen(false);
        onDone?.();
      }
    });
  if (!open) {
    return (
      <Button size="sm" variant={variant} onClick={() => setOpen(true)} aria-label={names?.open}>
        {label}
      </Button>
    );
  }
  const inputId = `confirm-${label.replace(/\W+/g, '-')}`;
  return (
    <div className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      {typeToConfirm !== undefined ? (
        <div className="min-w-0 flex-1">
          <Label htmlFor={inputId}>Type “{typeToConfirm}” to confirm</Label>
          <Input id={inputId} value={typed} autoComplete="off" autoFocus onChange={(e) => setTyped(e.target.value)} />
        </div>
      ) : null}
      <Button
        size="sm"
        variant="danger"
        loading={pending}
        disabled={typeToConfirm !== undefined && typed.trim() !== typeToConfirm.trim()}
        onClick={go}
        autoFocus={typeToConfirm === undefined}
        aria-label={names?.confirm}
      >
        {confirmLabel}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
        Cancel
      </Button>
      {error ? (
        <span role="alert" className="basis-full text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}
