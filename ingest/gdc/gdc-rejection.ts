// GDC answers a malformed query with 400 and a JSON `{error, message}` body (reference §1.12): that is
// the caller's input, reported with GDC's own words. Everything else passes through unchanged.
import { BadUserInputError } from "../../compute/errors.js";
import { upstreamFailureOf } from "../genomics/upstream-failure.js";

export function rethrowGdcRejection(error: unknown): never {
  const failure = upstreamFailureOf(error);
  if (failure.status === 400) throw new BadUserInputError(`GDC rejected the query: ${failure.message ?? "HTTP 400"}`, { status: 400 });
  throw error;
}
