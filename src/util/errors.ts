/** The message of a thrown value: an Error's own message, or anything else as a string (`throw "x"`, a rejected
 *  promise's reason). Messages built from it stay as they were when each site wrote this inline. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
