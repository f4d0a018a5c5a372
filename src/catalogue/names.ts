// How a name written in a manifest becomes a look-up key of the catalogue: case, spaces and punctuation do not count,
// accents are folded ("Québec" is "quebec"). What is left must be plain ASCII: a bidi control, a zero-width character
// or a letter of another script that looks like a Latin one makes the key null, so no look-alike resolves to the name
// it imitates.

/** Inputs longer than this are not looked up (the schema allows 100 characters for a name). */
const MAX_NAME = 200;

export function nameKey(input: string): string | null {
  if (input.length > MAX_NAME) return null;
  const folded = input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  if (/[^\x20-\x7e]/.test(folded)) return null;
  return folded.replace(/[^a-z0-9]/g, "");
}

/** The hint of an unknown name whose key is null: a name too long to be one needs none. */
export function unnamedHint(input: string): string | undefined {
  return input.length > MAX_NAME
    ? undefined
    : "it has characters outside plain letters, digits and punctuation (a look-alike letter, an invisible or a direction mark)";
}
