// TPU slices: the catalogue chip a slice name (`v4-32`, `TPU v3-256`, `v5litepod-16`) or a GKE TPU selector with
// its topology (`tpu-v5-lite-podslice` on `4x4`) means, and how many chips that is (data/tpu-slices.json).
import sliceData from "../../data/tpu-slices.json" with { type: "json" };
import { findAccelerator, type Accelerator } from "./index.js";

export interface TpuSlice {
  accelerator: Accelerator;
  /** Chips in the slice: the catalogue's TPU models are per chip. */
  chips: number;
  /** How the chips were derived, with the source. */
  note: string;
}

interface Generation {
  prefix: string;
  accelerator: string;
  counts: "cores" | "chips";
  cores_per_chip: number;
  source: string;
  year: number;
}

const data = sliceData as { generations: Generation[]; topology_source: string; topology_year: number };

/** Larger than any pod; a bigger number is a typo or an attack, not a slice. */
const MAX_CHIPS = 100_000;
const MAX_NAME = 100;

const SLICE = /^(?:cloud[ _-]?)?(?:tpu[ _-]?)?(v2|v3|v4|v5p|v5litepod|v6e)-(\d{1,7})$/i;
const TOPOLOGY = /^(\d{1,6})x(\d{1,6})(?:x(\d{1,6}))?$/;

/** Whether `s` ends in "-<digits>", as every slice name does: other names are settled without the slower regex. */
function endsInCount(s: string): boolean {
  const dash = s.lastIndexOf("-");
  if (dash < 0 || dash === s.length - 1) return false;
  for (let i = dash + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The slice a name or a GKE TPU accelerator with its topology names; a sentence saying why a slice-shaped name or
 * topology cannot be read; or null when the name is not a TPU slice (a plain model name is for findAccelerator).
 */
export function findTpuSlice(name: string, topology?: string): TpuSlice | string | null {
  const trimmed = name.trim();
  if (trimmed.length > MAX_NAME) return null;
  const m = endsInCount(trimmed) ? SLICE.exec(trimmed) : null;
  if (m) {
    const gen = data.generations.find((g) => g.prefix === m[1]!.toLowerCase())!;
    const accelerator = byId(gen.accelerator);
    const n = Number(m[2]);
    if (n < gen.cores_per_chip || n % gen.cores_per_chip !== 0 || n / gen.cores_per_chip > MAX_CHIPS) {
      return `${trimmed} is not a ${accelerator.name} slice: its size counts TensorCores, ${gen.cores_per_chip} per chip, up to ${MAX_CHIPS} chips (${gen.source})`;
    }
    const chips = n / gen.cores_per_chip;
    const how = gen.counts === "cores" ? `${n} TensorCores ÷ ${gen.cores_per_chip} per chip = ${chips} chips` : `${chips} chips`;
    return { accelerator, chips, note: `${trimmed} is ${how} of ${accelerator.id} (${gen.source}, ${gen.year})` };
  }
  if (topology === undefined) return null;
  const found = findAccelerator(trimmed);
  if (!found.ok || !found.value.id.startsWith("google-tpu-")) return null;
  const t = TOPOLOGY.exec(topology.trim());
  const dims = t ? [t[1], t[2], t[3]].filter((d) => d !== undefined).map(Number) : [];
  const chips = dims.reduce((a, b) => a * b, 1);
  if (!t || dims.includes(0) || chips > MAX_CHIPS) {
    return `the TPU topology ${JSON.stringify(topology.slice(0, MAX_NAME))} is not AxB or AxBxC with up to ${MAX_CHIPS} chips (${data.topology_source})`;
  }
  return {
    accelerator: found.value,
    chips,
    note: `${trimmed} on topology ${dims.join("x")} is ${dims.join(" × ")} = ${chips} chips of ${found.value.id} (${data.topology_source}, ${data.topology_year})`,
  };
}

function byId(id: string): Accelerator {
  const found = findAccelerator(id);
  if (!found.ok) throw new Error(`data/tpu-slices.json names ${id}, which is not in the catalogue`);
  return found.value;
}
