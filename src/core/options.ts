import type { z } from 'zod';
import type { Rule } from './rule.js';

/** Builds a rule's `parseOptions` from a zod schema, naming each bad key. */
export function optionsFrom<T extends z.ZodType>(schema: T): NonNullable<Rule['parseOptions']> {
  return (raw) => {
    const result = schema.safeParse(raw);
    if (result.success) return { ok: true, value: result.data };
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}`
            : issue.message,
      })),
    };
  };
}

/** The validated options of a rule, or its defaults when none are configured. */
export function optionsOf<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw ?? {});
  return (result.success ? result.data : schema.parse({})) as z.output<T>;
}
