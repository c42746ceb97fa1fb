import { describe, expect, it } from "vitest";
import { UpstreamNotFoundError } from "../../../ingest/http/http-errors.js";
import { upstreamFailureOf } from "../../../ingest/genomics/upstream-failure.js";
import { isDeceased } from "../../../ingest/cbioportal/cbioportal-os-status.js";
import { hgvsProteinChange } from "../../../ingest/genomics/protein-change.js";

describe("small genomic helpers", () => {
  it("reads status and upstream message from the HTTP client's errors, and from bare shapes", () => {
    const error = new UpstreamNotFoundError("x", { upstream: "cBioPortal", method: "GET", url: "u", path: "/studies/x", attempts: 1, status: 404, upstreamMessage: "Study not found: x" });
    expect(upstreamFailureOf(error)).toEqual({ status: 404, message: "Study not found: x" });
    expect(upstreamFailureOf({ status: 400, body: '{"error":"bad"}' })).toEqual({ status: 400, message: "bad" });
    expect(upstreamFailureOf(undefined)).toEqual({ status: null, message: null });
  });

  it("parses cBioPortal OS_STATUS with and without the 0:/1: prefix", () => {
    expect([isDeceased("1:DECEASED"), isDeceased("0:LIVING"), isDeceased("DECEASED"), isDeceased("LIVING"), isDeceased(""), isDeceased("[Not Available]")]).toEqual([true, false, true, false, null, null]);
  });

  it("writes protein changes in the p. form", () => {
    expect([hgvsProteinChange("L858R"), hgvsProteinChange("p.L858R"), hgvsProteinChange(" "), hgvsProteinChange(null)]).toEqual(["p.L858R", "p.L858R", null, null]);
  });
});
