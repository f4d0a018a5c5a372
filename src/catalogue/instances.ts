// Cloud instance types → the accelerators they carry (data/instance-accelerators.json, one sourced row each). An
// instance type the table lacks is unknown, never guessed from its family.
import instanceData from "../../data/instance-accelerators.json" with { type: "json" };
import type { Provider } from "./index.js";

export interface InstanceAccelerators {
  /** As the provider writes it (`p5.48xlarge`, `Standard_ND96isr_H100_v5`). */
  instance_type: string;
  provider: Provider;
  /** A catalogue id. */
  accelerator: string;
  count: number;
  source: string;
  year: number;
}

const instances = (instanceData as { instances: InstanceAccelerators[] }).instances;
let byName: Map<string, InstanceAccelerators> | undefined;

/** The row of an instance type, compared case-insensitively and without SageMaker's `ml.` prefix; undefined if unknown. */
export function findInstanceType(name: string): InstanceAccelerators | undefined {
  byName ??= new Map(instances.map((i) => [i.instance_type.toLowerCase(), i]));
  const key = name.trim().toLowerCase();
  return byName.get(key.startsWith("ml.") ? key.slice(3) : key);
}
