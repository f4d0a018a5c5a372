// The layout docs/development.md describes, checked from the import statements of src/: no module takes part
// in an import cycle, only the GitHub adapter (src/github/, src/main.ts) imports @actions/*, and no import points
// up: formatting (src/format/) is at the bottom, the views (src/render/) at the top.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");
/** Modules above the core: the views themselves, the entry points and their adapters, and the badge's writer. */
const VIEWS_AND_ADAPTERS = ["render/", "cli.ts", "main.ts", "github/", "gitlab/", "badge.ts"];

interface Import {
  specifier: string;
  /** `import type` / `export type`: erased when compiled, so no module is loaded for it. */
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) out.push({ specifier: arg.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = readdirSync(SRC, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.split("\\").join("/"))
  .sort();
const imports = new Map(files.map((f) => [f, importsOf(join(SRC, f))]));

/** The src/ module a relative specifier names (`./x.js` is compiled from `./x.ts`), or null for a package or data. */
function moduleOf(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const target = relative(SRC, resolve(SRC, dirname(from), specifier.replace(/\.js$/, ".ts")))
    .split("\\")
    .join("/");
  return imports.has(target) ? target : null;
}

/** Every cycle found by a depth-first walk, each as the chain of modules that closes it. */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const walk = (m: string): void => {
    stack.push(m);
    for (const next of edges.get(m) ?? []) {
      const at = stack.indexOf(next);
      if (at >= 0) found.push([...stack.slice(at), next]);
      else if (!done.has(next)) walk(next);
    }
    stack.pop();
    done.add(m);
  };
  for (const m of edges.keys()) if (!done.has(m)) walk(m);
  return found;
}

describe("module structure of src/", () => {
  it("reads the import statements of every module", () => {
    expect(files).toContain("evaluate.ts");
    expect(imports.get("evaluate.ts")!.map((i) => moduleOf("evaluate.ts", i.specifier))).toContain("policy.ts");
  });

  it("has no import cycle among the modules loaded at run time", () => {
    const edges = new Map(
      files.map((f) => [
        f,
        imports
          .get(f)!
          .filter((i) => !i.typeOnly)
          .flatMap((i) => moduleOf(f, i.specifier) ?? []),
      ]),
    );
    expect(cycles(edges).map((c) => c.join(" → "))).toEqual([]);
  });

  it("has no import cycle through type-only imports either: each shared type lives in one module both sides can import", () => {
    const edges = new Map(files.map((f) => [f, imports.get(f)!.flatMap((i) => moduleOf(f, i.specifier) ?? [])]));
    expect(cycles(edges).map((c) => c.join(" → "))).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const edges = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    expect(cycles(edges)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  it("keeps formatting at the bottom: src/format/ imports nothing of the gate but its utilities", () => {
    const up = files
      .filter((f) => f.startsWith("format/"))
      .flatMap((f) =>
        imports
          .get(f)!
          .flatMap((i) => moduleOf(f, i.specifier) ?? [])
          .filter((m) => !m.startsWith("format/") && !m.startsWith("util/"))
          .map((m) => `${f} → ${m}`),
      );
    expect(up).toEqual([]);
    expect(files.filter((f) => f.startsWith("format/"))).toEqual(["format/escape.ts", "format/units.ts"]);
  });

  it("keeps the views on top: only views, the adapters and the badge writer import src/render/", () => {
    const above = (f: string) => VIEWS_AND_ADAPTERS.some((p) => (p.endsWith("/") ? f.startsWith(p) : f === p));
    const up = files
      .filter((f) => !above(f))
      .flatMap((f) =>
        imports
          .get(f)!
          .flatMap((i) => moduleOf(f, i.specifier) ?? [])
          .filter((m) => m.startsWith("render/"))
          .map((m) => `${f} → ${m}`),
      );
    expect(up).toEqual([]);
    // The rule has something to hold: the core uses formatting, and an adapter uses a view.
    expect(imports.get("budget.ts")!.map((i) => moduleOf("budget.ts", i.specifier))).toContain("format/units.ts");
    expect(imports.get("cli.ts")!.map((i) => moduleOf("cli.ts", i.specifier))).toContain("render/text.ts");
  });

  it("imports @actions/* only in the GitHub adapter", () => {
    const adapter = (f: string) => f.startsWith("github/") || f === "main.ts";
    const outside = files.filter((f) => !adapter(f) && imports.get(f)!.some((i) => i.specifier.startsWith("@actions/")));
    expect(outside).toEqual([]);
  });
});
