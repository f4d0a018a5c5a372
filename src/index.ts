// The action's entry: the only file with side effects at import. Everything else is in run().
import * as core from "./github/log.js";
import { run } from "./main.js";

process.on("unhandledRejection", (reason) => {
  core.setFailed(`footprint-gate: ${reason instanceof Error ? reason.message : String(reason)}`);
});

await run();
