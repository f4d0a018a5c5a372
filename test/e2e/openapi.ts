// Validates recorded requests against GitHub's published OpenAPI description (@octokit/openapi, dereferenced):
// the operation is found by method and path template, path and query parameters are checked against their
// schemas, and the JSON body against the operation's requestBody schema (OpenAPI 3.0 `nullable` made JSON Schema).
// The description is large (~70 MB): it is parsed once per test file, reduced to what requests need
// (parameters and request bodies, no responses), and the parsed document is dropped.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import type { RecordedRequest } from "./fake-github.js";

export type Description = "api.github.com" | "ghes-3.19";

interface Param {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: Schema;
  multiSegment: boolean;
}

interface Operation {
  id: string;
  method: string;
  template: string;
  regex: RegExp;
  pathParams: string[];
  literalLength: number;
  params: Param[];
  body: { required: boolean; json: Schema | null; types: string[] } | null;
}

type Schema = Record<string, unknown>;

export interface OpenApi {
  readonly description: Description;
  readonly operationCount: number;
  /** The API prefix its servers use: "" for github.com, `/api/v3` for GHES. */
  readonly prefix: string;
  /** The problems of one request; empty when it is valid. */
  problems(req: RecordedRequest): string[];
  /** The operationId a request maps to, or null. */
  operationOf(req: RecordedRequest): string | null;
}

const FORMATS: Record<string, RegExp | true> = {
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
  email: /^[^\s@]+@[^\s@]+$/,
};

/** OpenAPI 3.0 schema → JSON Schema draft-07 (for ajv): `nullable`, and OpenAPI-only keywords dropped. */
export function toJsonSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== "object") return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s as Schema)) {
    if (k === "nullable" || k === "example" || k === "examples" || k === "discriminator" || k === "xml" || k === "externalDocs") continue;
    if (k === "readOnly" || k === "writeOnly" || k === "deprecated" || k.startsWith("x-")) continue;
    if (k === "properties" || k === "patternProperties" || k === "definitions") {
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else if (typeof v === "object" && v !== null) out[k] = toJsonSchema(v);
    else out[k] = v;
  }
  if ((s as Schema).nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type) && !out.type.includes("null")) out.type = [...(out.type as string[]), "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    if (out.type === undefined) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

const require = createRequire(import.meta.url);
const cache = new Map<Description, OpenApi>();

export function loadOpenApi(description: Description = "api.github.com"): OpenApi {
  const hit = cache.get(description);
  if (hit) return hit;
  const file = require.resolve(`@octokit/openapi/generated/${description}.deref.json`);
  const doc = JSON.parse(readFileSync(file, "utf8")) as {
    servers?: { url: string }[];
    paths: Record<string, Record<string, { operationId?: string; parameters?: unknown[]; requestBody?: unknown }>>;
  };
  const server = doc.servers?.[0]?.url ?? "";
  const prefix = server.includes("/api/v3") ? "/api/v3" : "";
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete", "head"].includes(method)) continue;
      const params: Param[] = [];
      for (const raw of (op.parameters ?? []) as Record<string, unknown>[]) {
        if (raw.in !== "path" && raw.in !== "query") continue;
        params.push({
          name: String(raw.name),
          in: raw.in,
          required: raw.required === true || raw.in === "path",
          schema: toJsonSchema(raw.schema ?? {}) as Schema,
          multiSegment: raw["x-multi-segment"] === true,
        });
      }
      const pathParams: string[] = [];
      let literalLength = 0;
      const regex = new RegExp(
        "^" +
          template
            .split(/(\{[^}]+\})/)
            .map((part) => {
              const m = /^\{([^}]+)\}$/.exec(part);
              if (!m) {
                literalLength += part.length;
                return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
              }
              pathParams.push(m[1]!);
              return params.find((p) => p.name === m[1])?.multiSegment ? "(.+)" : "([^/]+)";
            })
            .join("") +
          "$",
      );
      const rb = op.requestBody as { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined;
      operations.push({
        id: op.operationId ?? `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        regex,
        pathParams,
        literalLength,
        params,
        body: rb
          ? {
              required: rb.required === true,
              json: rb.content?.["application/json"] ? (toJsonSchema(rb.content["application/json"].schema ?? {}) as Schema) : null,
              types: Object.keys(rb.content ?? {}),
            }
          : null,
      });
    }
  }
  // Literal segments win over parameters (`/issues/comments/{id}` before `/issues/{number}`).
  operations.sort((a, b) => b.literalLength - a.literalLength);

  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, coerceTypes: false });
  const paramAjv = new Ajv({ strict: false, allErrors: true, validateFormats: true, coerceTypes: true });
  for (const a of [ajv, paramAjv]) {
    for (const [name, f] of Object.entries(FORMATS)) a.addFormat(name, f);
    for (const name of ["uri-template", "int64", "int32", "double", "timestamp", "repo.nwo", "binary", "float", "uuid"]) a.addFormat(name, true);
  }
  // Compiled lazily, once per schema: only the operations the tests call are ever compiled.
  const bodies = new Map<Schema, ValidateFunction>();
  const bodyValidator = (s: Schema) => {
    let v = bodies.get(s);
    if (!v) bodies.set(s, (v = ajv.compile(s)));
    return v;
  };
  const params = new Map<Schema, ValidateFunction>();
  const paramValidator = (s: Schema) => {
    let v = params.get(s);
    if (!v) params.set(s, (v = paramAjv.compile({ type: "object", properties: { v: s } })));
    return v;
  };

  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return null;
    }
  };

  const find = (req: RecordedRequest): { op: Operation; values: Record<string, string> } | null => {
    if (!req.rawPath.startsWith(prefix)) return null;
    const path = req.rawPath.slice(prefix.length);
    for (const op of operations) {
      if (op.method !== req.method) continue;
      const m = op.regex.exec(path);
      if (!m) continue;
      const values: Record<string, string> = {};
      op.pathParams.forEach((name, i) => (values[name] = m[i + 1]!));
      // A literal-first match may still be wrong (`/issues/comments` is not issue number "comments"): type-check.
      const typed = op.params
        .filter((p) => p.in === "path")
        .every((p) => {
          const v = decode(values[p.name] ?? "");
          return v !== null && paramValidator(p.schema)({ v });
        });
      if (typed) return { op, values };
    }
    return null;
  };

  const api: OpenApi = {
    description,
    operationCount: operations.length,
    prefix,
    operationOf(req) {
      return find(req)?.op.id ?? null;
    },
    problems(req) {
      // GraphQL is not in the REST description: the fake checks its documents itself.
      if (req.route === "graphql" || req.route === "graphql-viewer") return [];
      const where = `${req.method} ${req.rawPath}`;
      const found = find(req);
      if (!found) return [`${where}: no operation of the ${description} description matches`];
      const { op, values } = found;
      const out: string[] = [];
      for (const p of op.params) {
        const raw = p.in === "path" ? values[p.name] : req.query[p.name];
        if (raw === undefined) {
          if (p.required) out.push(`${where} (${op.id}): required ${p.in} parameter ${p.name} is missing`);
          continue;
        }
        const value = p.in === "path" ? decode(raw) : raw;
        if (value === null) {
          out.push(`${where} (${op.id}): ${p.in} parameter ${p.name} is not valid percent-encoding`);
          continue;
        }
        const validate = paramValidator(p.schema);
        if (!validate({ v: value }))
          out.push(`${where} (${op.id}): ${p.in} parameter ${p.name}=${JSON.stringify(value)}: ${paramAjv.errorsText(validate.errors)}`);
      }
      for (const name of Object.keys(req.query)) {
        if (!op.params.some((p) => p.in === "query" && p.name === name)) out.push(`${where} (${op.id}): unknown query parameter ${name}`);
      }
      const hasBody = req.bodyText.length > 0;
      if (!op.body) {
        if (hasBody) out.push(`${where} (${op.id}): the operation takes no request body`);
      } else if (!hasBody) {
        if (op.body.required) out.push(`${where} (${op.id}): the request body is required`);
      } else if (op.body.json) {
        const type = String(req.headers["content-type"] ?? "");
        if (!/^application\/json\b/.test(type)) out.push(`${where} (${op.id}): content-type ${JSON.stringify(type)} is not application/json`);
        if (req.body === undefined) out.push(`${where} (${op.id}): the body is not JSON`);
        else {
          const validate = bodyValidator(op.body.json);
          if (!validate(req.body)) out.push(`${where} (${op.id}): body ${ajv.errorsText(validate.errors)}`);
        }
      }
      return out;
    },
  };
  cache.set(description, api);
  return api;
}
