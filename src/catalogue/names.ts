// How a name written in a manifest becomes a look-up key of the catalogue: case, spaces and punctuation do not count,
// accents are folded ("Québec" is "quebec"). What is left must be plain ASCII: a bidi control, a zero-width character
// or a letter of another script that looks like a Latin one makes the key null, so no look-alike resolves to the name
// it imitates.

/** Inputs longer than this are not looked up (the schema allows 100 characters for a name). */
const MAX_NAME = 200;

const NOT_PLAIN = /[^\x20-\x7e]/;
const ACCENTED = /^[A-Za-z][\u0300-\u036f]+$/;
const MARK = /^[\u0300-\u036f]$/;

export function nameKey(input: string): string | null {
  if (input.length > MAX_NAME) return null;
  // Plain ASCII, nearly every name, has nothing to fold.
  if (!NOT_PLAIN.test(input)) return input.toLowerCase().replace(/[^a-z0-9]/g, "");
  let folded = "";
  for (const ch of input) {
    if (!NOT_PLAIN.test(ch)) folded += ch;
    else if (!MARK.test(ch)) {
      // Only a Latin letter with accents folds ("é" is "e"), and the accents written apart go. A sign that Unicode
      // maps to a letter (the Kelvin sign to "K", the Ångström sign to "Å") is a look-alike.
      const parts = ch.normalize("NFD");
      if (ch.normalize("NFC") !== ch || !ACCENTED.test(parts)) return null;
      folded += parts[0];
    }
  }
  return folded.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The hint of an unknown name whose key is null: a name too long to be one needs none. */
export function unnamedHint(input: string): string | undefined {
  return input.length > MAX_NAME
    ? undefined
    : "it has characters outside plain letters, digits and punctuation (a look-alike letter, an invisible or a direction mark)";
}
