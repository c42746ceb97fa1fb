// Worker-thread entry: runs one model fit sent by the model pool and transfers its typed arrays back.
import { parentPort } from "node:worker_threads";
import { PlatformError } from "../../compute/errors.js";
import { MODEL_FITS } from "./model-runners.js";
import type { ModelTask, ModelTaskResult } from "./model-task.js";

parentPort!.on("message", (task: ModelTask) => {
  let reply: ModelTaskResult;
  try {
    const result = (MODEL_FITS[task.fit] as (...a: unknown[]) => unknown)(...task.args);
    reply = { id: task.id, result };
  } catch (error) {
    const typed = error instanceof PlatformError;
    reply = { id: task.id, error: { name: typed ? error.name : "PlatformError", code: typed ? error.code : "INTERNAL", message: (error as Error).message, details: typed ? error.details : {} } };
  }
  parentPort!.postMessage(reply, transferables(reply.result));
});

/** Every distinct ArrayBuffer under a result (typed arrays of fits, folds, estimates). */
function transferables(value: unknown, out = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (depth > 6 || value === null || typeof value !== "object") return [...out];
  if (ArrayBuffer.isView(value)) {
    const view = value as ArrayBufferView;
    if (view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) out.add(view.buffer);
  } else for (const v of Array.isArray(value) ? value : Object.values(value)) transferables(v, out, depth + 1);
  return [...out];
}
