// The comment choice (src/github/comment.ts) against any list of comments from any mix of authors: an in-memory
// stand-in for the three things it calls on Octokit (a paginated list, REST writes, GraphQL), recording every write.
// The property: nothing that is not ours is ever edited, deleted or minimised, reported unchanged or given as ours.
import fc from "fast-check";
import type { Octokit } from "../../src/github/client.js";
import { postComment, type CommentOutcome, type CommentPlan } from "../../src/github/comment.js";
import { digestLine } from "../../src/sticky.js";

const MARKER = "<!-- footprint-gate:v1 key=0123456789ab -->";
const DIGESTS = ["a".repeat(64), "b".repeat(64)] as const;
const AUTHORS = [
  { login: "github-actions[bot]", type: "Bot" },
  { login: "gate-app[bot]", type: "Bot" },
  { login: "other-app[bot]", type: "Bot" },
  { login: "octocat", type: "User" },
  { login: "mallory", type: "User" },
  { login: "Octocat", type: "User" },
] as const;

export interface CommentCase {
  /** Index of the token's own account in AUTHORS; an installation token for a bot, a personal one for a person. */
  me: number;
  comments: { author: number; body: number }[];
  mode: CommentPlan["mode"];
  wanted: boolean;
  deleteWhenClean: boolean;
  perPage: number;
}

/** What a comment may say: ours with the current digest, another digest, none, a near miss of the marker, anything. */
const bodyOf = (n: number): string =>
  [
    `${MARKER}\n${digestLine(DIGESTS[0])}\n## ✅ pass\n`,
    `${MARKER}\n${digestLine(DIGESTS[1])}\n## ❌ fail\n`,
    `${MARKER}\nno digest\n`,
    `${MARKER}`,
    ` ${MARKER}\n${digestLine(DIGESTS[0])}\n`,
    `${MARKER.toUpperCase()}\n${digestLine(DIGESTS[0])}\n`,
    "LGTM",
  ][n % 7]!;

export const commentCaseArb: fc.Arbitrary<CommentCase> = fc.record({
  me: fc.nat(AUTHORS.length - 1),
  comments: fc.array(fc.record({ author: fc.nat(AUTHORS.length - 1), body: fc.nat(6) }), { maxLength: 60 }),
  mode: fc.constantFrom("update", "recreate", "hide-and-new", "new"),
  wanted: fc.boolean(),
  deleteWhenClean: fc.boolean(),
  perPage: fc.integer({ min: 1, max: 100 }),
});

interface Stored {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

/** Runs the case; the list of what broke the property (empty when none). */
export async function runCommentCase(c: CommentCase): Promise<string[]> {
  const me = AUTHORS[c.me]!;
  let next = 1;
  const stored: Stored[] = c.comments.map(({ author, body }) => {
    const id = next++;
    return { id, node_id: `IC_${id}`, body: bodyOf(body), user: { ...AUTHORS[author]! }, html_url: `https://github.com/o/r/pull/1#issuecomment-${id}` };
  });
  const byId = new Map(stored.map((s) => [s.id, s]));
  const ours = (id: number) => byId.get(id)?.user.login === me.login;
  const problems: string[] = [];
  const touch = (what: string, id: number) => {
    if (!ours(id)) problems.push(`${what} comment ${id} by ${byId.get(id)?.user.login ?? "nobody"}, not by ${me.login}`);
  };

  const octokit = {
    paginate: {
      iterator: async function* () {
        for (let i = 0; i < stored.length; i += c.perPage) yield { data: stored.slice(i, i + c.perPage), headers: {} };
      },
    },
    async request(route: string, params: { comment_id?: number; body?: string }) {
      if (route.startsWith("POST ")) {
        const id = next++;
        const made: Stored = { id, node_id: `IC_${id}`, body: params.body!, user: { ...me }, html_url: `https://github.com/o/r/pull/1#issuecomment-${id}` };
        stored.push(made);
        byId.set(id, made);
        return { data: made };
      }
      if (route.startsWith("PATCH ")) {
        touch("edited", params.comment_id!);
        return { data: byId.get(params.comment_id!) };
      }
      if (route.startsWith("DELETE ")) {
        touch("deleted", params.comment_id!);
        return { data: undefined };
      }
      throw new Error(`unexpected request ${route}`);
    },
    async graphql(query: string, vars?: { id?: string }) {
      if (query.includes("viewer")) return { viewer: { login: me.login } };
      touch("minimised", Number(vars?.id?.slice(3)));
      return { minimizeComment: { minimizedComment: { isMinimized: true } } };
    },
  } as unknown as Octokit;

  const plan: CommentPlan = {
    mode: c.mode,
    body: `${MARKER}\n${digestLine(DIGESTS[0])}\n## ✅ pass\n`,
    digest: DIGESTS[0],
    wanted: { yes: c.wanted, why: "fuzz" },
    deleteWhenClean: c.deleteWhenClean,
    installationToken: me.type === "Bot",
  };
  const outcome: CommentOutcome = await postComment(octokit, { owner: "o", repo: "r", issueNumber: 1, marker: MARKER }, plan, () => {});
  if ("id" in outcome) touch(`reported as ${outcome.action}`, outcome.id);
  return problems;
}
