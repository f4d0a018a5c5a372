// The action's entry: the only file with side effects at import. Everything else is in run().
import * as core from "./github/log.js";
import { run } from "./main.js";
import { errorMessage } from "./util/errors.js";

process.on("unhandledRejection", (reason) => {
  core.setFailed(`footprint-gate: ${errorMessage(reason)}`);
});

await run();
