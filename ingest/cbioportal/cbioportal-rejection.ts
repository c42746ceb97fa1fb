// cBioPortal answers an unknown study, profile or sample list with 404 `{"message": "Study not found:
// xyz"}` and bad input with 400 (reference §2.1): both are the caller's input, reported with
// cBioPortal's own words. Everything else passes through unchanged.
import { BadUserInputError } from "../../compute/errors.js";
import { upstreamFailureOf } from "../genomics/upstream-failure.js";

export function rethrowCbioportalRejection(error: unknown): never {
  const { status, message } = upstreamFailureOf(error);
  if (status === 404 || status === 400) throw new BadUserInputError(`cBioPortal: ${message ?? `HTTP ${status}`}`, { status });
  throw error;
}
