// The one builder behind every dashboard server action: session check, input parsing, error mapping. Next's
// server actions already refuse a request whose Origin is not this host (the CSRF defence); this adds the
// operator's identity and keeps every failure to a message the form can show.
import type { z } from 'zod';
import { DomainError } from '../domain-error';
import { isUniqueViolation } from '../db/errors';
import type { Operator } from './operators';
import { currentOperator } from './session';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

export interface ActionContext {
  operator: Operator;
  /** The audit-log actor of this operator. */
  actor: string;
}

export function operatorAction<S extends z.ZodType, T>(schema: S, fn: (ctx: ActionContext, input: z.infer<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const operator = await currentOperator();
    if (!operator) return { ok: false, error: 'Your session has ended. Sign in again to continue.' };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : 'Invalid input' };
    }
    try {
      return { ok: true, data: await fn({ operator, actor: `operator:${operator.id}` }, parsed.data) };
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e.message };
      if (isUniqueViolation(e)) return { ok: false, error: 'That already exists.' };
      console.error('dashboard action failed:', e);
      return { ok: false, error: 'Something went wrong. Try again.' };
    }
  };
}

/** Form fields as a plain object; empty optional inputs become undefined so zod's optional() applies. */
export function formObject(form: FormData): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === 'string' && !k.startsWith('$')) out[k] = v.trim() === '' ? undefined : v;
  }
  return out;
}
