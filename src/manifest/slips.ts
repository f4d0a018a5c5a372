// The slips a newcomer makes in a manifest, each with the fix in its message (docs/manifest.md#common-slips):
// a percentage written as a fraction, a number written with its unit, a budget in the wrong place, and an
// accelerator written with its count.

/** The notice for `increase_pct` under 1: percentages are written in %, where utilization and warn_at are shares. */
export function increaseFraction(value: number): string | null {
  if (!(value > 0 && value < 1)) return null;
  return `increase_pct: ${value} is read as ${value} %; for ${Number((value * 100).toPrecision(12))} % write ${Number((value * 100).toPrecision(12))} (increase_pct is in %, while utilization and warn_at are shares)`;
}

/** Units a key's figure may be written in, by the unit its name ends with; each unit's factor to that one. */
const UNITS: readonly (readonly [RegExp, string, Readonly<Record<string, number>>])[] = [
  [
    /(?:^|_)hours$/,
    "h",
    { h: 1, hr: 1, hrs: 1, hour: 1, hours: 1, min: 1 / 60, mins: 1 / 60, minutes: 1 / 60, d: 24, day: 24, days: 24, week: 168, weeks: 168 },
  ],
  [/_kwh$/, "kWh", { Wh: 1e-3, wh: 1e-3, kWh: 1, kwh: 1, KWh: 1, MWh: 1e3, GWh: 1e6, gwh: 1e6, TWh: 1e9, twh: 1e9 }],
  [/_wh$/, "Wh", { mWh: 1e-3, Wh: 1, wh: 1, kWh: 1e3, kwh: 1e3, KWh: 1e3 }],
  [/_kg$/, "kg", { g: 1e-3, kg: 1, t: 1e3, tonne: 1e3, tonnes: 1e3, ton: 1e3, tons: 1e3, kt: 1e6 }],
  [/_l$/, "L", { mL: 1e-3, ml: 1e-3, l: 1, L: 1, litre: 1, litres: 1, liter: 1, liters: 1, m3: 1e3, "m³": 1e3 }],
  [/_w$/, "W", { W: 1, w: 1, kW: 1e3, kw: 1e3 }],
  [/_pct$/, "%", { "%": 1, pct: 1, percent: 1 }],
];

/**
 * For a figure written with its unit (`hours: 30h`, `energy_kwh: 5 MWh`, `increase_pct: 10%`): what to write, in the
 * unit the key is in; "" when the text is not a number and a unit this key can take.
 */
export function numberWithUnit(key: string, text: string): string {
  const t = text.trim();
  if (t.length > 40) return "";
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z%³]+\d?)$/.exec(t);
  if (!m) return "";
  const units = UNITS.find(([pattern]) => pattern.test(key));
  const factor = units && Object.prototype.hasOwnProperty.call(units[2], m[2]!) ? units[2][m[2]!]! : undefined;
  const n = Number(m[1]) * (factor ?? Number.NaN);
  if (!Number.isFinite(n)) return "";
  return `; write ${key}: ${Number(n.toPrecision(12))} (the number alone: ${key} is in ${units![1]})`;
}

const BUDGETS_GO = "budgets go in the top-level budget: (the manifest's totals; budget.run for every entry), or in an entry's own budget: (that entry alone)";

/** Where a budget key written in the wrong place goes; undefined when `key` under `path` is no such slip. */
export function budgetPlacement(path: readonly (string | number)[], key: string): string | undefined {
  const at = path.filter((p) => typeof p === "string").join(".");
  if (key === "budget" && at === "defaults") return `budgets are not inherited: ${BUDGETS_GO}`;
  if (key === "budget" && (at === "policy" || at.startsWith("policy."))) return BUDGETS_GO;
  if (at === "budget.run" && key === "increase_pct") {
    return "budget.run limits each entry's energy and CO2e; the increase over the base is budget.increase_pct for the total, or budget: { increase_pct: … } on an entry for that entry";
  }
  return undefined;
}

/**
 * An accelerator written with its count, as launchers write it (`H100:8`, `A100 x 8`): the model and the count, or
 * null. The count is never read from the name: the message says to write it as `count`.
 */
export function acceleratorWithCount(name: string): { model: string; count: number } | null {
  if (name.length > 100) return null;
  const colon = name.lastIndexOf(":");
  if (colon > 0) {
    const model = name.slice(0, colon).trim();
    const count = name.slice(colon + 1).trim();
    if (model !== "" && /^[1-9]\d{0,6}$/.test(count)) return { model, count: Number(count) };
  }
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1]!;
  const times = words.length >= 3 && (words[words.length - 2] === "x" || words[words.length - 2] === "×") && /^[1-9]\d{0,6}$/.test(last);
  const joined = words.length >= 2 && /^[x×][1-9]\d{0,6}$/.test(last);
  if (times) return { model: words.slice(0, -2).join(" "), count: Number(last) };
  if (joined) return { model: words.slice(0, -1).join(" "), count: Number(last.slice(1)) };
  return null;
}

/** The message for an accelerator written with its count. */
export function acceleratorCountMessage(name: string, found: { model: string; count: number }, count: number | undefined): string {
  const clash = count !== undefined && count !== found.count ? `; count says ${count}, so state the one that is right` : "";
  return `accelerator ${JSON.stringify(name)} names a model and a count: write accelerator: ${found.model} and count: ${found.count}${clash}`;
}
