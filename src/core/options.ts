import type { z } from 'zod';

/** What is wrong with a rule's configured options, one problem per bad key (none: they are valid). */
export function optionProblems(schema: z.ZodType, raw: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message,
  }));
}

/** The validated options of a rule, or its defaults when none are configured. */
export function optionsOf<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw ?? {});
  return (result.success ? result.data : schema.parse({})) as z.output<T>;
}
