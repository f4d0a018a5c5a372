// A stand-in for the GitHub REST API on 127.0.0.1: it records every request and answers from a scriptable
// in-memory state (comments per issue, files per commit, pull requests, the token's identity), with faults on demand.
// Only the routes footprint-gate may call are served; anything else answers 404 like an unknown route on GitHub.
// Two GraphQL operations are served too, `query { viewer { login } }` (route `graphql-viewer`) and the
// `minimizeComment` mutation (`graphql`), at `POST /graphql` (`/api/graphql` on GHES).
// GitHub's OpenAPI description covers REST only, so the GraphQL document is checked here, minimally, and refused
// the way GitHub refuses it: HTTP 200 with `errors`.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The path as sent (percent-encoded), with the API prefix (e.g. `/api/v3`) if any. */
  rawPath: string;
  /** The path as sent, without the API prefix. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The raw request body text ("" when none). */
  bodyText: string;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  body: unknown;
  /** The route the fake matched (`create-comment`, …), or `unknown`. */
  route: Route | "unknown";
  status: number;
}

export type Route =
  | "get-user"
  | "list-comments"
  | "create-comment"
  | "update-comment"
  | "delete-comment"
  | "graphql"
  | "graphql-viewer"
  | "get-content"
  | "get-tree"
  | "list-pulls"
  | "list-pull-files";

export interface FakeUser {
  login: string;
  id: number;
  type: "User" | "Bot";
}

export interface FakeComment {
  id: number;
  /** The GraphQL global id, in GitHub's form (`IC_kwDO…`). */
  node_id: string;
  body: string;
  user: FakeUser;
  html_url: string;
  created_at: string;
  updated_at: string;
  /** The classifier it was minimised with (`OUTDATED`, …), or null when it is shown. */
  minimized: string | null;
}

export interface FakePull {
  number: number;
  state: "open" | "closed";
  head: { sha: string; ref: string; owner: string; repo: string };
  base: { sha: string; ref: string };
}

/** A file of a pull request, as `GET /repos/{owner}/{repo}/pulls/{n}/files` lists it. */
export interface FakePullFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previous_filename?: string;
}

export interface Fault {
  route: Route;
  /** Only requests with this method (default any). */
  method?: string;
  status: number;
  message?: string;
  /** How many matching requests answer with the fault (default 1). */
  times?: number;
  /** Extra response headers (rate-limit headers, retry-after). */
  headers?: Record<string, string>;
}

/** GraphQL's ReportedContentClassifiers, the classifiers `minimizeComment` accepts. */
export const MINIMIZE_CLASSIFIERS = ["SPAM", "ABUSE", "OFF_TOPIC", "OUTDATED", "DUPLICATE", "RESOLVED"] as const;

const BOT: FakeUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };
const FIXED_TIME = "2024-01-01T00:00:00Z";
const HEAD_OF_FILES = "a".repeat(40);

function userJson(u: FakeUser, host: string) {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: "",
    url: `${host}/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/${encodeURIComponent(u.login)}`,
    followers_url: `${host}/users/${encodeURIComponent(u.login)}/followers`,
    following_url: `${host}/users/${encodeURIComponent(u.login)}/following{/other_user}`,
    gists_url: `${host}/users/${encodeURIComponent(u.login)}/gists{/gist_id}`,
    starred_url: `${host}/users/${encodeURIComponent(u.login)}/starred{/owner}{/repo}`,
    subscriptions_url: `${host}/users/${encodeURIComponent(u.login)}/subscriptions`,
    organizations_url: `${host}/users/${encodeURIComponent(u.login)}/orgs`,
    repos_url: `${host}/users/${encodeURIComponent(u.login)}/repos`,
    events_url: `${host}/users/${encodeURIComponent(u.login)}/events{/privacy}`,
    received_events_url: `${host}/users/${encodeURIComponent(u.login)}/received_events`,
    type: u.type,
    site_admin: false,
  };
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** The repository served, `owner/name`. Requests for any other repository answer 404. */
  repository: string;
  /** `/api/v3` for GitHub Enterprise Server, "" for github.com. */
  readonly prefix: string;
  /** The token's account: who a comment created with it is by, and who `GET /user` and the GraphQL `viewer` say it is. */
  commenter: FakeUser = BOT;
  /** Comment lists always link to a next page (a server that never ends its pagination). */
  endlessComments = false;
  /** Where `html_url`s point (the web host of the fake). */
  webUrl = "https://github.com";
  readonly comments = new Map<number, FakeComment[]>();
  /** Files per commit sha: path → text. A commit absent from the map answers 404 for contents and trees. */
  readonly commits = new Map<string, Map<string, string>>();
  readonly pulls: FakePull[] = [];
  /** The files of each pull request, by number. */
  readonly pullFiles = new Map<number, FakePullFile[]>();
  private faults: (Fault & { left: number })[] = [];
  private nextId = 1_000_000_001;
  private server: Server | null = null;
  private port = 0;

  constructor(options: { repository?: string; prefix?: string } = {}) {
    this.repository = options.repository ?? "octo-org/octo-repo";
    this.prefix = options.prefix ?? "";
  }

  /** The API base URL to give the action (GITHUB_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}${this.prefix}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => this.handle(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve, reject) => s.close((err) => (err ? reject(err) : resolve())));
  }

  /** Forget requests, comments, commits, pulls, faults and identities: a fresh repository. */
  reset(): void {
    this.requests.length = 0;
    this.comments.clear();
    this.commits.clear();
    this.pulls.length = 0;
    this.pullFiles.clear();
    this.faults = [];
    this.commenter = BOT;
    this.endlessComments = false;
  }

  // ---- scripting ----

  addComment(issue: number, body: string, user: FakeUser = BOT): FakeComment {
    const id = this.nextId++;
    const [owner, repo] = this.repository.split("/");
    const c: FakeComment = {
      id,
      node_id: `IC_kwDO${Buffer.from(`${this.repository}#${id}`).toString("base64url")}`,
      body,
      user,
      html_url: `${this.webUrl}/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      created_at: FIXED_TIME,
      updated_at: FIXED_TIME,
      minimized: null,
    };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), c]);
    return c;
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.get(issue) ?? [];
  }

  setCommit(sha: string, files: Record<string, string>): void {
    this.commits.set(sha, new Map(Object.entries(files)));
  }

  addPull(p: FakePull): void {
    this.pulls.push(p);
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  // ---- serving ----

  private handle(req: IncomingMessage, res: ServerResponse, bodyText: string): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    let body: unknown;
    if (bodyText) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = undefined;
      }
    }
    // GraphQL lives at /graphql on github.com and at /api/graphql (not under /api/v3) on GHES.
    const graphqlPath = this.prefix ? this.prefix.replace(/\/v3$/, "/graphql") : "/graphql";
    const isGraphql = url.pathname === graphqlPath;
    const hasPrefix = isGraphql || this.prefix === "" || url.pathname === this.prefix || url.pathname.startsWith(`${this.prefix}/`);
    const path = isGraphql ? "/graphql" : hasPrefix ? url.pathname.slice(this.prefix.length) || "/" : url.pathname;
    const rec: RecordedRequest = { method, rawPath: url.pathname, path, query, headers: req.headers, bodyText, body, route: "unknown", status: 0 };
    this.requests.push(rec);

    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      const text = typeof data === "string" ? data : JSON.stringify(data);
      res.writeHead(status, {
        "content-type": typeof data === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
        "x-github-media-type": "github.v3; format=json",
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "4999",
        "x-ratelimit-reset": "1893456000",
        ...headers,
      });
      res.end(text);
    };
    const error = (status: number, message: string, headers: Record<string, string> = {}) =>
      send(status, { message, documentation_url: "https://docs.github.com/rest", status: String(status) }, headers);

    if (!hasPrefix) return error(404, "Not Found");
    const document = (body as { query?: unknown } | undefined)?.query;
    const viewerQuery = typeof document === "string" && /^\s*(?:query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(document);
    const graphqlRoute = viewerQuery ? ("graphql-viewer" as const) : ("graphql" as const);
    const matched = isGraphql ? (method === "POST" ? { route: graphqlRoute, params: {} } : null) : this.route(method, path);
    if (!matched) return error(404, "Not Found");
    rec.route = matched.route;

    const fault = this.faults.find((f) => f.left > 0 && f.route === matched.route && (!f.method || f.method === method));
    if (fault) {
      fault.left--;
      return error(fault.status, fault.message ?? (fault.status >= 500 ? "Server Error" : "Resource not accessible by integration"), fault.headers);
    }
    if (matched.repo !== undefined && matched.repo !== this.repository) return error(404, "Not Found");

    const host = `http://${req.headers.host ?? `127.0.0.1:${this.port}`}${this.prefix}`;
    const p = matched.params;
    switch (matched.route) {
      case "get-user":
        // Installation tokens (whose comments are by bots) may not ask.
        if (this.commenter.type === "Bot") return error(403, "Resource not accessible by integration");
        return send(200, userJson(this.commenter, host));

      case "list-comments": {
        const issue = Number(p.issue_number);
        const all = this.commentsOn(issue);
        const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(query.page ?? 1) || 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (n: number) => {
          const u = new URL(`${host}${path}`);
          u.searchParams.set("per_page", String(perPage));
          u.searchParams.set("page", String(n));
          return u.toString();
        };
        const rels: string[] = [];
        if (page < last || this.endlessComments) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(Math.max(last, page + 1))}>; rel="last"`);
        if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
        return send(
          200,
          slice.map((c) => this.commentJson(c, issue, host)),
          rels.length ? { link: rels.join(", ") } : {},
        );
      }

      case "create-comment": {
        const issue = Number(p.issue_number);
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== "string") return error(422, "Invalid request.");
        if (text.length > 65_536) return error(422, "Validation Failed: body is too long (maximum is 65536 characters)");
        const c = this.addComment(issue, text, this.commenter);
        return send(201, this.commentJson(c, issue, host), { location: `${host}${path}/${c.id}` });
      }

      case "update-comment": {
        const id = Number(p.comment_id);
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== "string") return error(422, "Invalid request.");
        if (text.length > 65_536) return error(422, "Validation Failed: body is too long (maximum is 65536 characters)");
        for (const [issue, list] of this.comments) {
          const c = list.find((x) => x.id === id);
          if (!c) continue;
          // Anyone with write access may edit any comment of the repository, as on GitHub.
          c.body = text;
          c.updated_at = "2024-01-01T00:00:01Z";
          return send(200, this.commentJson(c, issue, host));
        }
        return error(404, "Not Found");
      }

      case "delete-comment": {
        const id = Number(p.comment_id);
        for (const [issue, list] of this.comments) {
          if (!list.some((x) => x.id === id)) continue;
          // Anyone with write access may delete any comment of the repository.
          this.comments.set(
            issue,
            list.filter((x) => x.id !== id),
          );
          rec.status = 204;
          res.writeHead(204, { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999", "x-ratelimit-reset": "1893456000" });
          res.end();
          return;
        }
        return error(404, "Not Found");
      }

      case "graphql":
        return send(200, this.graphql(body));

      case "graphql-viewer":
        // Every token may ask who it is; it is whoever its comments are by.
        return send(200, { data: { viewer: { login: this.commenter.login } } });

      case "get-content": {
        const files = this.commits.get(query.ref ?? "");
        const file = files?.get(p.path!);
        if (file === undefined) {
          // A folder answers with its listing (JSON), whatever the Accept header asks for.
          const prefix = `${p.path}/`;
          const inside = files ? [...files.keys()].filter((k) => k.startsWith(prefix)) : [];
          if (inside.length)
            return send(
              200,
              inside.map((k) => ({ type: "file", name: k.slice(prefix.length), path: k })),
            );
          return error(404, "Not Found");
        }
        const accept = String(req.headers.accept ?? "");
        if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return send(200, file);
        return send(200, {
          type: "file",
          encoding: "base64",
          size: Buffer.byteLength(file),
          name: p.path!.split("/").pop(),
          path: p.path,
          content: Buffer.from(file).toString("base64"),
          sha: "0".repeat(40),
        });
      }

      case "get-tree": {
        const files = this.commits.get(p.tree_sha!);
        if (!files) return error(404, "Not Found");
        const blobs = [...files.keys()].sort();
        const dirs = new Set<string>();
        for (const b of blobs) {
          const parts = b.split("/");
          for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
        }
        const recursive = query.recursive !== undefined;
        const entries = [
          ...[...dirs].map((d) => ({ path: d, mode: "040000", type: "tree", sha: "1".repeat(40) })),
          ...blobs.map((b) => ({ path: b, mode: "100644", type: "blob", sha: "2".repeat(40), size: Buffer.byteLength(files.get(b)!) })),
        ].filter((e) => recursive || !e.path.includes("/"));
        return send(200, { sha: p.tree_sha, url: `${host}${path}`, tree: entries, truncated: false });
      }

      case "list-pull-files": {
        const all = this.pullFiles.get(Number(p.pull_number)) ?? [];
        const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(query.page ?? 1) || 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const next = new URL(`${host}${path}`);
        next.searchParams.set("per_page", String(perPage));
        next.searchParams.set("page", String(page + 1));
        return send(
          200,
          all.slice((page - 1) * perPage, page * perPage).map((f) => ({
            sha: "3".repeat(40),
            filename: f.filename,
            status: f.status,
            additions: 1,
            deletions: 1,
            changes: 2,
            blob_url: `${this.webUrl}/${this.repository}/blob/${HEAD_OF_FILES}/${f.filename}`,
            raw_url: `${this.webUrl}/${this.repository}/raw/${HEAD_OF_FILES}/${f.filename}`,
            contents_url: `${host}/repos/${this.repository}/contents/${f.filename}?ref=${HEAD_OF_FILES}`,
            ...(f.previous_filename === undefined ? {} : { previous_filename: f.previous_filename }),
          })),
          page < last ? { link: `<${next.toString()}>; rel="next"` } : {},
        );
      }

      case "list-pulls": {
        const state = query.state ?? "open";
        const head = query.head;
        const list = this.pulls.filter((pr) => (state === "all" || pr.state === state) && (!head || head === `${pr.head.owner}:${pr.head.ref}`));
        return send(
          200,
          list.map((pr) => ({
            number: pr.number,
            state: pr.state,
            html_url: `${this.webUrl}/${this.repository}/pull/${pr.number}`,
            head: { sha: pr.head.sha, ref: pr.head.ref, label: `${pr.head.owner}:${pr.head.ref}`, repo: { full_name: `${pr.head.owner}/${pr.head.repo}` } },
            base: { sha: pr.base.sha, ref: pr.base.ref, label: `${this.repository.split("/")[0]}:${pr.base.ref}`, repo: { full_name: this.repository } },
          })),
        );
      }
    }
  }

  /**
   * The one mutation served: `minimizeComment(input: {subjectId, classifier})`, its values inline or as `$variables`.
   * Anything else is refused as GitHub does, with `errors` in an HTTP 200 answer.
   */
  private graphql(body: unknown): unknown {
    const refuse = (message: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message, locations: [{ line: 1, column: 1 }], ...extra }] });
    const { query, variables = {} } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
    if (typeof query !== "string") return refuse("A query attribute must be specified and must be a string.");
    const doc = /^\s*mutation\b[^{]*\{\s*minimizeComment\s*\(\s*input\s*:\s*\{([^}]*)\}\s*\)\s*\{[^]*\}\s*\}\s*$/.exec(query);
    if (!doc) return refuse("This fake serves only `mutation { minimizeComment(input: {subjectId, classifier}) { … } }`.");
    const input: Record<string, unknown> = {};
    for (const m of doc[1]!.matchAll(/(\w+)\s*:\s*("(?:[^"\\]|\\.)*"|\$\w+|\w+)/g)) {
      const raw = m[2]!;
      input[m[1]!] = raw.startsWith("$") ? variables[raw.slice(1)] : raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    }
    const unknown = Object.keys(input).filter((k) => k !== "subjectId" && k !== "classifier" && k !== "clientMutationId");
    if (unknown.length)
      return refuse(`InputObject 'MinimizeCommentInput' doesn't accept argument '${unknown[0]}'`, { extensions: { code: "argumentNotAccepted" } });
    const classifier = input.classifier;
    if (typeof classifier !== "string" || !(MINIMIZE_CLASSIFIERS as readonly string[]).includes(classifier)) {
      return refuse(
        `Argument 'classifier' on InputObject 'MinimizeCommentInput' has an invalid value (${JSON.stringify(classifier ?? null)}). Expected type 'ReportedContentClassifiers!'.`,
      );
    }
    const subjectId = input.subjectId;
    if (typeof subjectId !== "string") return refuse("Argument 'subjectId' on InputObject 'MinimizeCommentInput' is required. Expected type ID!");
    const c = [...this.comments.values()].flat().find((x) => x.node_id === subjectId);
    if (!c) {
      return {
        data: { minimizeComment: null },
        errors: [
          {
            type: "NOT_FOUND",
            path: ["minimizeComment"],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a node with the global id of '${subjectId}'`,
          },
        ],
      };
    }
    c.minimized = classifier;
    return { data: { minimizeComment: { minimizedComment: { isMinimized: true, minimizedReason: classifier.toLowerCase() } } } };
  }

  private commentJson(c: FakeComment, issue: number, host: string) {
    return {
      id: c.id,
      node_id: c.node_id,
      url: `${host}/repos/${this.repository}/issues/comments/${c.id}`,
      html_url: c.html_url,
      body: c.body,
      user: userJson(c.user, host),
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: `${host}/repos/${this.repository}/issues/${issue}`,
      author_association: c.user.type === "Bot" ? "NONE" : "CONTRIBUTOR",
    };
  }

  private route(method: string, path: string): { route: Route; repo?: string; params: Record<string, string> } | null {
    const seg = path.split("/").slice(1);
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    if (method === "GET" && path === "/user") return { route: "get-user", params: {} };
    if (seg[0] !== "repos" || seg.length < 4) return null;
    const repo = `${dec(seg[1]!)}/${dec(seg[2]!)}`;
    const rest = seg.slice(3);
    if (rest[0] === "issues" && rest.length === 3 && rest[2] === "comments" && /^\d+$/.test(rest[1]!)) {
      if (method === "GET") return { route: "list-comments", repo, params: { issue_number: rest[1]! } };
      if (method === "POST") return { route: "create-comment", repo, params: { issue_number: rest[1]! } };
    }
    if (rest[0] === "issues" && rest[1] === "comments" && rest.length === 3 && /^\d+$/.test(rest[2]!)) {
      if (method === "PATCH") return { route: "update-comment", repo, params: { comment_id: rest[2]! } };
      if (method === "DELETE") return { route: "delete-comment", repo, params: { comment_id: rest[2]! } };
    }
    if (method === "GET" && rest[0] === "contents" && rest.length >= 2) {
      // `{path}` may be sent with its slashes as-is or as %2F; both mean the same file.
      return { route: "get-content", repo, params: { path: rest.slice(1).map(dec).join("/") } };
    }
    if (method === "GET" && rest[0] === "git" && rest[1] === "trees" && rest.length >= 3) {
      return { route: "get-tree", repo, params: { tree_sha: rest.slice(2).map(dec).join("/") } };
    }
    if (method === "GET" && rest[0] === "pulls" && rest.length === 1) return { route: "list-pulls", repo, params: {} };
    if (method === "GET" && rest[0] === "pulls" && rest.length === 3 && /^\d+$/.test(rest[1]!) && rest[2] === "files")
      return { route: "list-pull-files", repo, params: { pull_number: rest[1]! } };
    return null;
  }
}
