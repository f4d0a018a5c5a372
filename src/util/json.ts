// Untrusted JSON files read back (the history's records and trend): parsed, then checked against their schema.
import type * as z from "zod";

/** The value of `schema` in the JSON `text`, or why it is not `what` (the history's files are untrusted input). */
export function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  return `not ${what} (${first.path.join(".") || "(root)"}: ${first.message})`;
}
