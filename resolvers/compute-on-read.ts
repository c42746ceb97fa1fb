// With API keys configured, computing feature values the graph does not hold yet is a write (it adds
// Feature nodes and values, for any settings a caller invents), so a query may do it only with a key
// that has the `compute` scope; without one it gets stored values or this typed error, which names
// the mutation to run. With no keys at all (the loopback default) on-demand computation stays open.
import { PlatformError } from "../compute/errors.js";
import type { RequestAuthority } from "./api-keys.js";

const WHAT = "computing feature values the graph does not hold yet (Lesion.features with new settings writes to the graph)";
const HOW = "or ask for settings already stored (storedFeatures lists them), or run the computeFeatures mutation with a key that has scope 'compute' and read the values afterwards";

/** Throws UNAUTHENTICATED / FORBIDDEN (with the mutation and scope named) unless the caller may compute. */
export function requireComputeOnRead(authority: RequestAuthority): void {
  if (authority.open) return;
  try {
    authority.require("compute", WHAT);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    throw new PlatformError(error.code, `${error.message}; ${HOW}`, { ...error.details, scope: "compute", mutation: "computeFeatures" });
  }
}
