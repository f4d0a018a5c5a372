// Why a manifest fails the schema, in words: zod's issues located in the manifest, with the key a newcomer meant.
// Loaded only for a rejected manifest (the standalone validator accepts the valid ones).
import type * as z from "zod";
import { closest, distance, MAX_SUGGEST_LENGTH } from "../util/closest.js";
import { formatPath, type Locator, type Path } from "./yaml/index.js";
import type { Pending } from "./problems.js";
import { schemas, type Manifest } from "./schema.js";

/** The manifest zod accepts (the standalone validator is stricter only in theory), or its problems, located. */
export function explain(data: unknown, locator: Locator): { manifest: Manifest } | { problems: Pending[] } {
  // reportInput tells a missing key (input undefined) from a value of the wrong type.
  const result = schemas().manifest.safeParse(data, { reportInput: true });
  if (result.success) return { manifest: result.data };
  // Every issue is located (O(depth) each); only the ones shown get their message, the rest are counted.
  return { problems: result.error.issues.flatMap((issue) => issueFindings(issue, locator)) };
}

const KNOWN_KEYS: Record<string, readonly string[]> = {};

function issueFindings(issue: z.core.$ZodIssue, locator: Locator): Pending[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const where = formatPath(path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => ({
      pos: locator.key([...path, k]),
      message: () => {
        if (k === "<<") return `${where}: YAML merge keys (<<) are not supported; write the keys out`;
        const synonym = synonymHint(path, k, issue.input);
        const hint = synonym ? undefined : suggestKey(path, k);
        const tail = synonym ? ` (${synonym})` : hint ? ` (did you mean \`${hint}\`?)` : "";
        return `${where === "(document)" ? "" : where + ": "}unknown key \`${quoted(k)}\`${tail}`;
      },
    }));
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    const parent = path.slice(0, -1);
    return [{ pos: locator.value(parent), message: () => `${where}: required` }];
  }

  return [{ pos: locator.value(path), message: () => `${where}: ${describeIssue(issue, path)}` }];
}

/** A key as written, cut to a readable length (YAML keys may be up to 1024 characters). */
function quoted(key: string): string {
  return key.length > 100 ? key.slice(0, 99) + "…" : key;
}

function describeIssue(issue: z.core.$ZodIssue, path: Path): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.expected === "int") return `must be a whole number, got ${String(issue.input)}`;
      const fix = issue.expected === "number" && typeof issue.input === "string" ? numberInText(issue.input) : "";
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${typeName(issue.input)}${fix}`;
    }
    case "too_big":
      // Numbers carry their whole allowed range in the schema's own message.
      if (issue.origin === "number" && issue.message.startsWith("must be ")) return issue.message;
      return issue.origin === "array"
        ? `at most ${String(issue.maximum)} items`
        : issue.origin === "string"
          ? `at most ${String(issue.maximum)} characters`
          : `must be ${issue.inclusive ? "at most" : "below"} ${String(issue.maximum)}`;
    case "too_small":
      if (issue.origin === "number" && issue.message.startsWith("must be ")) return issue.message;
      return issue.origin === "array"
        ? `at least ${String(issue.minimum)} item(s)`
        : issue.origin === "string"
          ? "must not be empty"
          : `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
    case "invalid_value": {
      const key = path[path.length - 1];
      // `version: "1"` is the string "1": quotes make any YAML value text.
      const input = typeof issue.input === "string" && issue.input.length <= 20 ? issue.input.trim() : undefined;
      const quotedNumber = input !== undefined && issue.values.some((v) => typeof v === "number" && String(v) === input);
      const fix = quotedNumber && typeof key === "string" ? ` (${JSON.stringify(issue.input)} is a string: write \`${key}: ${input}\` without quotes)` : "";
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}${fix}`;
    }
    case "invalid_union":
      // A union that states its own choices says them; others have nothing better to say.
      return issue.message.startsWith("must be ") ? issue.message : "not a valid value for this field";
    default:
      return issue.message;
  }
}

/**
 * For a number written as text: how to write it. YAML 1.2 has no digit separators, so `1_000_000` and `1,000,000`
 * are strings, and so is any quoted number. Only short strings are looked at.
 */
function numberInText(input: string): string {
  const t = input.trim();
  if (t.length > 40) return "";
  const separated = /^[+-]?\d{1,3}(?:([_,])\d{3})(?:\1\d{3})*(?:\.\d+)?$/.exec(t) ?? /^[+-]?\d+(?:_\d+)+(?:\.\d+)?$/.exec(t);
  if (separated) {
    const n = Number(t.replace(/[_,]/g, ""));
    if (!Number.isFinite(n)) return "";
    const exp = Math.log10(Math.abs(n));
    const alt = n >= 1e4 && Number.isInteger(exp) ? `${n < 0 ? "-" : ""}1e${exp} or ` : "";
    return `; write ${alt}${String(n)} (YAML 1.2 reads ${t} as text)`;
  }
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t) && Number.isFinite(Number(t))) return `; write ${t} without quotes`;
  return "";
}

const TYPE_NAMES: Record<string, string> = { object: "a mapping", array: "a list", number: "a number", string: "a string", boolean: "true or false" };

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "object") return "a mapping";
  return typeof v === "string" ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}

/**
 * Words people write for a manifest key, by their letters and digits in lower case (`num-gpus`, `numGpus`, `NUM_GPUS`
 * are one word); each names the key to write and how. One lookup per unknown key.
 */
const SYNONYMS: Record<string, { key: string; how: (value: unknown) => string }> = (() => {
  const location = { key: "location", how: () => "write `location`: a cloud region such as aws:us-east-1, or a grid zone such as FR" };
  const accelerator = { key: "accelerator", how: () => "write `accelerator`: its catalogue id or name, such as H100 SXM" };
  const count = { key: "count", how: () => "write `count`: the number of accelerators" };
  const hours = (word: string) => ({
    key: "hours",
    how: (v: unknown) => {
      const h = typeof v === "number" && word === "days" ? v * 24 : NaN;
      return `write \`hours\`: ${word === "days" ? "days × 24" : "the duration in hours, days × 24"}${Number.isFinite(h) && h > 0 ? `, here \`hours: ${Number(h.toPrecision(12))}\`` : ""}`;
    },
  });
  return {
    region: location,
    zone: location,
    gpu: accelerator,
    gputype: accelerator,
    device: accelerator,
    gpus: count,
    numgpus: count,
    days: hours("days"),
    duration: hours("duration"),
    eps: { key: "epsilon", how: () => "write `epsilon`: the privacy loss ε" },
    requestsperday: { key: "requests", how: () => "write `requests` over `hours`: requests = requests_per_day × days, with hours = 24 × days" },
  };
})();

/** The key a newcomer meant by a common synonym, if that key is allowed here; `parent` is the mapping holding it. */
function synonymHint(path: Path, key: string, parent: unknown): string | undefined {
  if (key.length > 40) return undefined;
  const word = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  const synonym = Object.prototype.hasOwnProperty.call(SYNONYMS, word) ? SYNONYMS[word]! : undefined;
  if (!synonym || !keysAt(path).includes(synonym.key)) return undefined;
  const value = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
  return synonym.how(value);
}

function suggestKey(path: Path, key: string): string | undefined {
  if (key.length > MAX_SUGGEST_LENGTH) return undefined;
  const best = closest(key, keysAt(path), 1)[0];
  const max = Math.max(1, Math.floor(key.length / 3));
  return best !== undefined && distance(key.toLowerCase(), best, max) <= max ? best : undefined;
}

/** The keys allowed at a path, read off the zod schema itself so there is one source of truth. */
function keysAt(path: Path): readonly string[] {
  const sig = path.filter((p) => typeof p === "string").join(".");
  if (KNOWN_KEYS[sig]) return KNOWN_KEYS[sig];
  let schema: z.core.$ZodType | undefined = schemas().manifest;
  for (const seg of path) {
    schema = unwrap(schema);
    if (!schema) break;
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === "object" && typeof seg === "string") schema = def.shape?.[seg];
    else if (def.type === "array") schema = def.element;
  }
  schema = unwrap(schema);
  const def = schema?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  const keys = def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
  KNOWN_KEYS[sig] = keys;
  return keys;
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let s = schema;
  while (s && (s._zod.def.type === "optional" || s._zod.def.type === "nullable")) {
    s = (s._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  }
  return s;
}
