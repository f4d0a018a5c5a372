// README badges: an SVG made with badge-maker (what shields.io uses) and the Shields endpoint JSON.
// Deterministic — no timestamps, fixed rounding — so an unchanged footprint makes no diff.
import { reportTotals, type Report } from "../report.js";
import { labelled } from "../period/index.js";
import { formatQuantity } from "../format/units.js";

export type BadgeMetric = "co2e" | "energy";

export interface Badge {
  schemaVersion: 1;
  label: string;
  message: string;
  color: "brightgreen" | "yellow" | "red" | "lightgrey";
}

/** Total of every evaluated manifest; the colour follows the use of the matching total budget (grey without one). */
export function badgeOf(report: Report, metric: BadgeMetric = "co2e"): Badge {
  const key = metric === "co2e" ? "co2e_kg" : "energy_kwh";
  const totals = reportTotals(report);
  const evaluated = totals.manifests;
  const total = totals[key];
  const uses = evaluated.flatMap((m) => m.budget.filter((b) => b.key === `budget.${key}`));
  const color = uses.some((b) => b.status === "over")
    ? "red"
    : uses.some((b) => b.status === "warn")
      ? "yellow"
      : uses.length > 0
        ? "brightgreen"
        : "lightgrey";
  const message = evaluated.length === 0 ? "unknown" : `${formatQuantity(key, total)}${metric === "co2e" ? " CO2e" : ""}`;
  // The window of the total, where a manifest states one or has one-off training; a sum over different windows says so.
  const windows = new Set(evaluated.map((m) => m.period.label));
  const window = !evaluated.some((m) => labelled(m.period)) ? "" : windows.size === 1 ? ` ${[...windows][0]!}` : ", mixed periods";
  const label = `${metric === "co2e" ? "carbon footprint" : "energy"}${window}`;
  return { schemaVersion: 1, label, message, color: evaluated.length === 0 ? "lightgrey" : color };
}

async function badgeSvg(badge: Badge): Promise<string> {
  // Loaded on demand: badge-maker carries ~1 MB of font metrics that no other command needs.
  const { makeBadge } = await import("badge-maker");
  // badge-maker escapes label and message for XML.
  return makeBadge({ label: badge.label, message: badge.message, color: badge.color }) + "\n";
}

function badgeJson(badge: Badge): string {
  return JSON.stringify(badge, null, 2) + "\n";
}

/** The names of the files a badge folder holds. */
export type BadgeFile = "footprint.svg" | "footprint.json";

/** The files a badge folder holds, by name: the one badge, as an SVG and as the Shields endpoint JSON. */
export async function badgeFiles(badge: Badge): Promise<Record<BadgeFile, string>> {
  return { "footprint.svg": await badgeSvg(badge), "footprint.json": badgeJson(badge) };
}
