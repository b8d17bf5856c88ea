'use client';
// Runs a server action from a form's submit event. Unlike <form action>, React does not reset the form when the
// action fails, so a refused input stays in place to be corrected; it is cleared only on success.
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';

export type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export function useFormAction<T>(action: FormAction<T>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      try {
        const r = await action(result, data);
        setResult(r);
        if (r.ok) form.reset();
      } catch {
        // A network failure or a refused Origin reaches here, not the action's own error mapping.
        setResult({ ok: false, error: 'The request failed. Check your connection and try again.' });
      }
    });
  };
  return { result, pending, onSubmit };
}
