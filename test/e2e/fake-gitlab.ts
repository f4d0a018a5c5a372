// A stand-in for GitLab's merge-request notes API (REST v4) on 127.0.0.1: the routes `comment gitlab` may call, with
// GitLab's authentication (PRIVATE-TOKEN; a JOB-TOKEN is refused on these routes, as on GitLab), its offset
// pagination headers (x-page, x-next-page, x-total, …), its error bodies ({"message": …}), its note length limit, and
// faults on demand. Lines a note would run as quick actions (`/merge`, `/close` …) are recorded, as GitLab would run
// them when a note is created or edited through the API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type GitlabRoute = "get-user" | "list-notes" | "create-note" | "update-note" | "unknown";

export interface GitlabRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  route: GitlabRoute;
  status: number;
  /** The PRIVATE-TOKEN header as sent (tests check it is the one the job was given). */
  token: string | undefined;
}

export interface FakeNote {
  id: number;
  body: string;
  author: { id: number; username: string };
  system: boolean;
  created_at: string;
  updated_at: string;
}

export interface GitlabFault {
  route: GitlabRoute;
  status: number;
  /** How many matching requests answer with the fault (default 1). */
  times?: number;
  /** Accept the request and never answer (a hung GitLab); status is ignored. */
  hang?: boolean;
  /** Extra response headers (retry-after). */
  headers?: Record<string, string>;
}

export const PROJECT_ID = 4242;
export const MR_IID = 7;
export const BOT = { id: 900, username: "project_4242_bot_footprint" };
export const HUMAN = { id: 12, username: "reviewer" };
/** GitLab refuses longer notes ("is too long (maximum is 1000000 characters)"). */
const MAX_NOTE = 1_000_000;

export class FakeGitlab {
  private server: Server | null = null;
  private port = 0;
  readonly requests: GitlabRequest[] = [];
  /** Notes of the one merge request, oldest first. */
  notes: FakeNote[] = [];
  /** Tokens GitLab accepts, and whose they are. */
  tokens = new Map<string, { id: number; username: string }>();
  /** Quick actions GitLab would have run from notes written through the API. */
  readonly quickActions: string[] = [];
  private faults: GitlabFault[] = [];
  private nextId = 1000;
  private clock = 0;
  private hung: ServerResponse[] = [];

  /** CI_API_V4_URL */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api/v4`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** When set, the list of notes answers a body of this many bytes, made as it is sent (a hostile or broken server). */
  hugeNotes = 0;
  /** How many bytes of that body were sent before the client stopped reading. */
  hugeSent = 0;

  reset(): void {
    this.hugeNotes = 0;
    this.hugeSent = 0;
    this.requests.length = 0;
    this.quickActions.length = 0;
    this.notes = [];
    this.faults = [];
    this.tokens = new Map();
    for (const res of this.hung) res.destroy();
    this.hung = [];
  }

  /** `[{"id":1,"body":"xxx…` for `hugeNotes` bytes, 1 MiB at a time, waiting for the reader; never held whole. */
  private streamHugeNotes(res: ServerResponse, record: GitlabRequest): void {
    record.status = 200;
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(1024 * 1024, "x");
    const head = Buffer.from('[{"id":1,"system":false,"author":{"id":900},"body":"');
    let closed = false;
    res.on("close", () => (closed = true));
    const pump = () => {
      while (!closed && this.hugeSent < this.hugeNotes) {
        const part = this.hugeSent === 0 ? head : chunk.subarray(0, Math.min(chunk.length, this.hugeNotes - this.hugeSent));
        this.hugeSent += part.length;
        if (!res.write(part)) return void res.once("drain", pump);
      }
      if (!closed) res.end('"}]');
    };
    pump();
  }

  fault(f: GitlabFault): void {
    this.faults.push({ times: 1, ...f });
  }

  /** A note written by someone else (or by the bot, in an earlier run). */
  addNote(body: string, author = HUMAN, system = false): FakeNote {
    const note = { id: this.nextId++, body, author, system, created_at: this.time(), updated_at: "" };
    note.updated_at = note.created_at;
    this.notes.push(note);
    return note;
  }

  writes(): GitlabRequest[] {
    return this.requests.filter((r) => r.route === "create-note" || r.route === "update-note");
  }

  private time(): string {
    return new Date(Date.UTC(2024, 0, 1) + 1000 * this.clock++).toISOString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? "GET";
    const notesPath = `/api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes`;
    const route: GitlabRoute =
      method === "GET" && url.pathname === "/api/v4/user"
        ? "get-user"
        : url.pathname === notesPath && method === "GET"
          ? "list-notes"
          : url.pathname === notesPath && method === "POST"
            ? "create-note"
            : url.pathname.startsWith(`${notesPath}/`) && method === "PUT"
              ? "update-note"
              : "unknown";
    const token = req.headers["private-token"] as string | undefined;
    const record: GitlabRequest = { method, path: url.pathname, query, route, status: 0, token };
    this.requests.push(record);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(json));
    };

    const fault = this.faults.find((f) => f.route === route && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.hang) {
        this.hung.push(res);
        return;
      }
      return send(fault.status, { message: `${fault.status} fault` }, fault.headers);
    }
    // Unknown routes (another project, another merge request) answer as GitLab does for resources it cannot show.
    if (route === "unknown") return send(404, { message: "404 Not found" });
    const user = token === undefined ? undefined : this.tokens.get(token);
    if (!user) return send(401, { message: "401 Unauthorized" });

    if (route === "get-user") return send(200, { id: user.id, username: user.username, bot: true, state: "active" });
    if (route === "list-notes" && this.hugeNotes > 0) return this.streamHugeNotes(res, record);
    if (route === "list-notes") return this.list(query, send);

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return send(400, { error: "body is missing" });
    }
    const note = (body as { body?: unknown }).body;
    if (typeof note !== "string" || note.trim() === "") return send(400, { error: "body is missing" });
    if (note.length > MAX_NOTE) return send(400, { message: { note: [`is too long (maximum is ${MAX_NOTE} characters)`] } });
    this.quickActions.push(...quickActions(note));
    if (route === "create-note") {
      const created = this.addNote(note, user);
      return send(201, created);
    }
    const id = Number(url.pathname.slice(notesPath.length + 1));
    const existing = this.notes.find((n) => n.id === id);
    if (!existing) return send(404, { message: "404 Not found" });
    if (existing.author.id !== user.id) return send(403, { message: "403 Forbidden" });
    existing.body = note;
    existing.updated_at = this.time();
    return send(200, existing);
  }

  private list(query: Record<string, string>, send: (status: number, json: unknown, headers?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 20) || 20));
    const page = Math.max(1, Number(query.page ?? 1) || 1);
    const sorted = [...this.notes].sort((a, b) => (query.sort === "asc" ? 1 : -1) * a.created_at.localeCompare(b.created_at));
    const pages = Math.max(1, Math.ceil(sorted.length / perPage));
    send(200, sorted.slice((page - 1) * perPage, page * perPage), {
      "x-page": String(page),
      "x-per-page": String(perPage),
      "x-next-page": page < pages ? String(page + 1) : "",
      "x-prev-page": page > 1 ? String(page - 1) : "",
      "x-total": String(sorted.length),
      "x-total-pages": String(pages),
    });
  }
}

/** Lines GitLab reads as quick actions: `/command` at the start of a line, outside code blocks. */
function quickActions(body: string): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^\/[a-z_]+/i.test(line)) found.push(line);
  }
  return found;
}
