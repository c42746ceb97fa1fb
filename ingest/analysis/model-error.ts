// Rebuilds a worker's error as the same typed class (and code) it was thrown as on the worker.
import * as errors from "../../compute/errors.js";
import * as statsErrors from "../../compute/stats/stats-errors.js";
import type { ModelTaskError } from "./model-task.js";

const CLASSES = new Map<string, typeof errors.PlatformError>(
  Object.values({ ...errors, ...statsErrors })
    .filter((c): c is typeof errors.PlatformError => typeof c === "function" && (c === errors.PlatformError || c.prototype instanceof errors.PlatformError))
    .map((c) => [c.name, c]),
);

export function platformErrorOf(e: ModelTaskError): errors.PlatformError {
  const cls = CLASSES.get(e.name) ?? errors.PlatformError;
  // Not through the constructor: subclasses' constructors take different arguments (NotFoundError(kind, id)).
  const error = Object.create(cls.prototype) as errors.PlatformError;
  Object.assign(error, { name: e.name, message: e.message, code: e.code, details: e.details });
  Error.captureStackTrace(error, platformErrorOf);
  return error;
}
