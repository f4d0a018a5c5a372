// The shapes of the YAML front end (./index.ts), in a module of their own so that its parts share them.
import type { Locator } from "./locator.js";

export interface YamlLimits {
  /** What the file is, in messages ("manifest", "launch config"). */
  name: string;
  /** UTF-8 bytes. */
  maxBytes: number;
  /** Nesting of collections. */
  maxDepth: number;
  /** YAML documents in the file. */
  maxDocuments: number;
}

export interface YamlDocument {
  /** The document's data (null for an empty document). */
  data: unknown;
  locator: Locator;
  /** The line its content starts on (1-based). */
  line: number;
}
