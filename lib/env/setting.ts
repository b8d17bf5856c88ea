// How a group of settings is read: a zod schema over process.env, parsed on first use and then held (a running
// server's environment does not change; tests that change it call resetEnv). Invalid values keep their defaults,
// as each setting's helper says, so a typo never switches a limit off.
import { z } from 'zod';

const resets: (() => void)[] = [];

/** The settings `schema` makes of the environment, parsed once on first use. */
export function settings<T>(schema: { parse(source: unknown): T }): () => T {
  let cached: { value: T } | undefined;
  resets.push(() => (cached = undefined));
  return () => (cached ??= { value: schema.parse(process.env) }).value;
}

/** Tests change the environment between cases: the next read parses it again. */
export function resetEnv(): void {
  for (const reset of resets) reset();
}

/** A number the check accepts, else `fallback` (unset and empty count as unset). */
export const number = (fallback: number, check: z.ZodType<number> = z.number()) =>
  z.preprocess((v) => (v === undefined || v === '' ? Number.NaN : Number(v)), check).catch(fallback);

/** A positive safe integer, else `fallback`. */
export const positiveInt = (fallback: number) => number(fallback, z.number().int().positive());

/** A finite number of at least `min` (fractions kept), else `fallback`. */
export const atLeast = (fallback: number, min: number) => number(fallback, z.number().min(min));

/** A positive number, rounded down; else `fallback`. */
export const positiveCount = (fallback: number) => number(fallback, z.number().positive().transform(Math.floor).pipe(z.number().positive()));

/** True exactly when the variable is `value`. */
export const is = (value: string) =>
  z
    .string()
    .optional()
    .transform((v) => v === value);

/** The variable with surrounding space trimmed, or undefined when unset or blank. */
export const text = () =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined);

/** The variable as set (an empty value counts as unset). */
export const raw = () =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined);
