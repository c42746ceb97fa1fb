// The IBSI-2 filter setting: defaults filled, and every unknown, misplaced, missing or inconsistent parameter a
// BAD_USER_INPUT naming its field (filter.<name>).
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../compute/errors.js";
import { ibsiFilterOf, ibsiFilterPrefix } from "../../../compute/filters/ibsi-filter-spec.js";

function refusal(raw: unknown): { message: string; field: unknown } {
  try { ibsiFilterOf(raw); } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return { message: (error as Error).message, field: (error as BadUserInputError).details.field };
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe("IBSI-2 filter setting", () => {
  it("fills the defaults: mirror boundary, 3D, LoG truncation 4σ, wavelet level 1, Gabor axial θ 0", () => {
    expect(ibsiFilterOf({ kind: "LOG", sigma: 1.5 })).toEqual({ kind: "LOG", boundary: "MIRROR", dimensions: 3, sigma: 1.5, truncation: 4 });
    expect(ibsiFilterOf({ kind: "WAVELET", wavelet: "coif1", decomposition: "llh" })).toEqual({ kind: "WAVELET", boundary: "MIRROR", wavelet: "coif1", decomposition: "LLH", level: 1, rotationInvariance: false });
    expect(ibsiFilterOf({ kind: "GABOR", sigma: 10, wavelength: 4, aspectRatio: 0.5, boundary: "ZERO" })).toEqual({ kind: "GABOR", boundary: "ZERO", dimensions: 2, sigma: 10, wavelength: 4, aspectRatio: 0.5, theta: 0 });
    expect(ibsiFilterOf({ kind: "LAWS", lawsKernel: "e5l5s5", energyDistance: 7, sigma: null })).toEqual({ kind: "LAWS", boundary: "MIRROR", lawsKernel: "E5L5S5", rotationInvariance: false, energyDistance: 7, energyBoundary: "MIRROR" });
  });

  it("a completed setting checks to itself (stored settings and library callers go through the same check)", () => {
    for (const raw of [{ kind: "LAWS", lawsKernel: "L5S5", rotationInvariance: true, pooling: "MAX", energyDistance: 2 }, { kind: "GABOR", sigma: 3, wavelength: 2, aspectRatio: 1, thetaStep: 45, pooling: "AVERAGE" },
      { kind: "WAVELET", wavelet: "haar", decomposition: "HHH", level: 2 }, { kind: "MEAN", support: 3 }, { kind: "RIESZ_LOG", sigma: 2, rieszOrder: [0, 1, 1] }]) {
      const once = ibsiFilterOf(raw);
      expect(ibsiFilterOf(once)).toEqual(once);
    }
  });

  it("names the filter and its parameters in the feature prefix", () => {
    expect(ibsiFilterPrefix(ibsiFilterOf({ kind: "LOG", sigma: 1.5 }))).toBe("log-sigma-1p5mm-t4-3D-mirror");
    expect(ibsiFilterPrefix(ibsiFilterOf({ kind: "LAWS", lawsKernel: "E5L5S5", rotationInvariance: true, pooling: "MAX", energyDistance: 7, boundary: "ZERO" }))).toBe("laws-E5L5S5-rot-max-energy-7-zero-zero");
    expect(ibsiFilterPrefix(ibsiFilterOf({ kind: "GABOR", sigma: 10, wavelength: 4, aspectRatio: 0.5, thetaStep: 22.5, dimensions: 3, pooling: "AVERAGE" }))).toBe("gabor-sigma-10mm-lambda-4mm-gamma-0p5-theta-0-step-22p5-3D-average-mirror");
    expect(ibsiFilterPrefix(ibsiFilterOf({ kind: "RIESZ_SIMONCELLI", level: 1, rieszOrder: [0, 2, 0], boundary: "NEAREST" }))).toBe("riesz-simoncelli-level-1-order-0-2-0-nearest");
  });

  it.each([
    [{ sigma: 1 }, "filter.kind", /is required: one of MEAN, LOG/],
    [{ kind: "BUTTERWORTH" }, "filter.kind", /must be one of/],
    [{ kind: "LOG", sigma: 1, colour: "red" }, "filter.colour", /is not a filter parameter; LOG takes boundary, dimensions, sigma, truncation/],
    [{ kind: "MEAN", support: 5, sigma: 1 }, "filter.sigma", /does not apply to a MEAN filter/],
    [{ kind: "MEAN" }, "filter.support", /is required for a MEAN filter/],
    [{ kind: "MEAN", support: 4 }, "filter.support", /odd/],
    [{ kind: "LOG", sigma: -1 }, "filter.sigma", /positive/],
    [{ kind: "LOG", sigma: 1, boundary: "REFLECT" }, "filter.boundary", /ZERO, NEAREST, PERIODIC, MIRROR/],
    [{ kind: "LOG", sigma: 1, dimensions: 4 }, "filter.dimensions", /2 .* or 3/],
    [{ kind: "LAWS", lawsKernel: "E5X5S5" }, "filter.lawsKernel", /not a Laws kernel/],
    [{ kind: "LAWS", lawsKernel: "L5S5", dimensions: 3 }, "filter.dimensions", /names a 2D filter/],
    [{ kind: "LAWS", lawsKernel: "L5S5", rotationInvariance: true }, "filter.pooling", /required with rotationInvariance/],
    [{ kind: "LAWS", lawsKernel: "L5S5", pooling: "MAX" }, "filter.pooling", /needs rotationInvariance/],
    [{ kind: "LAWS", lawsKernel: "L5S5", energyBoundary: "ZERO" }, "filter.energyBoundary", /needs energyDistance/],
    [{ kind: "GABOR", sigma: 10, wavelength: 4, aspectRatio: 0.5, thetaStep: 45 }, "filter.pooling", /required when Gabor responses are pooled/],
    [{ kind: "GABOR", sigma: 10, wavelength: 4, aspectRatio: 0.5, thetaStep: 45, pooling: "MIN" }, "filter.pooling", /not an IBSI-2 Gabor pooling/],
    [{ kind: "GABOR", sigma: 10, aspectRatio: 0.5 }, "filter.wavelength", /required/],
    [{ kind: "WAVELET", wavelet: "db7", decomposition: "LLH" }, "filter.wavelet", /unknown wavelet "db7"; known: haar, db2, coif1/],
    [{ kind: "WAVELET", wavelet: "db2", decomposition: "LXH" }, "filter.decomposition", /letters of L and H/],
    [{ kind: "WAVELET", wavelet: "db2", decomposition: "LLH", level: 0 }, "filter.level", /≥ 1/],
    [{ kind: "RIESZ_LOG", sigma: 3, rieszOrder: [0, 0, 0] }, "filter.rieszOrder", /positive sum/],
    [{ kind: "SIMONCELLI", level: 1, rieszOrder: [1, 0, 0] }, "filter.rieszOrder", /does not apply to a SIMONCELLI filter/],
  ])("refuses %j naming %s", (raw, field, message) => {
    const r = refusal(raw);
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
    expect(r.message.startsWith(field as string) || field === "filter").toBe(true);
  });
});
