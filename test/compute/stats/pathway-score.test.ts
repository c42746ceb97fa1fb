import { describe, expect, it } from "vitest";
import { matrix, matrixFromRows, type Matrix } from "../../../compute/stats/matrix.js";
import { zScoreCell, zScorePathwayScores } from "../../../compute/stats/pathway-score.js";
import { normalizeSsgseaByRange, ssgsea, ssgseaCell, SsgseaStatus } from "../../../compute/stats/ssgsea.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { decodeAll, expectClose, loadFixture, type JsonNumber } from "./fixture-helpers.js";

interface Fixture {
  expression: JsonNumber[][];
  expressionWithMissing: JsonNumber[][];
  sets: number[][];
  meanZ: { scores: JsonNumber[][]; genesUsed: number[][] };
  stoufferZ: { scores: JsonNumber[][] };
  meanZMissing: { scores: JsonNumber[][]; genesUsed: number[][] };
  ssgseaNormalized: JsonNumber[][];
  ssgseaRaw: JsonNumber[][];
  ssgseaAlpha1: JsonNumber[][];
}
const fx = loadFixture<Fixture>("pathway_scores.json");
const expression = matrixFromRows(fx.expression.map(decodeAll));
const withMissing = matrixFromRows(fx.expressionWithMissing.map(decodeAll));

function expectScores(actual: Matrix, expected: JsonNumber[][], rel: number, abs: number): void {
  expected.forEach((row, s) =>
    decodeAll(row).forEach((v, j) => {
      const a = actual.data[s * actual.cols + j]!;
      if (Number.isNaN(v)) expect(Number.isNaN(a), `(${s},${j})`).toBe(true);
      else expectClose(a, v, rel, abs, `(${s},${j})`);
    }),
  );
}

describe("z-score pathway scores against a numpy reference", () => {
  it("mean z-score", () => {
    const r = zScorePathwayScores(expression, fx.sets);
    expectScores(r.scores, fx.meanZ.scores, 1e-12, 1e-14);
    expect(Array.from(r.genesUsed)).toEqual(fx.meanZ.genesUsed.flat());
    expect(Array.from(r.unusableGenes)).toEqual([5]);
    expect(zScoreCell(r, 4, 0)).toEqual({ ok: false, reason: "no-usable-genes" });
  });

  it("Stouffer combination (Σz/√k, GSVA's zscore method)", () => {
    const r = zScorePathwayScores(expression, fx.sets, { combine: "stouffer" });
    expectScores(r.scores, fx.stoufferZ.scores, 1e-12, 1e-14);
  });

  it("missing values: z over present samples, scores over present members", () => {
    const r = zScorePathwayScores(withMissing, fx.sets);
    expectScores(r.scores, fx.meanZMissing.scores, 1e-12, 1e-14);
    expect(Array.from(r.genesUsed)).toEqual(fx.meanZMissing.genesUsed.flat());
    expect(Array.from(r.unusableGenes)).toEqual([5, 40]);
  });

  it("rejects infinite values and out-of-range members", () => {
    expect(() => zScorePathwayScores(matrix(1, 2, [1, Infinity]), [[0]])).toThrow(StatsInputError);
    expect(() => zScorePathwayScores(expression, [[0, 60]])).toThrow(StatsInputError);
  });
});

describe("ssGSEA against a numpy re-implementation of GSVA's random walk", () => {
  it("normalised (GSVA default, alpha 0.25)", () => {
    const r = ssgsea(expression, fx.sets);
    expectScores(r.scores, fx.ssgseaNormalized, 1e-11, 1e-13);
    expect(r.normalization).toBeDefined();
  });

  it("raw enrichment scores", () => {
    expectScores(ssgsea(expression, fx.sets, { normalize: false }).scores, fx.ssgseaRaw, 1e-11, 1e-12);
  });

  it("alpha = 1", () => {
    expectScores(ssgsea(expression, fx.sets, { alpha: 1 }).scores, fx.ssgseaAlpha1, 1e-11, 1e-13);
  });

  it("drops genes with missing values and reports undefined sets with a reason", () => {
    const r = ssgsea(withMissing, [[1], [0, 2], Array.from({ length: 60 }, (_, g) => g)], { normalize: false });
    expect(Array.from(r.droppedGenes)).toEqual([1, 30, 40]);
    expect(ssgseaCell(r, 0, 0)).toEqual({ ok: false, reason: "no-usable-genes", details: { genes: 0 } });
    expect(ssgseaCell(r, 1, 0).ok).toBe(true);
    expect(r.status[2]).toBe(SsgseaStatus.setCoversAllGenes);
  });

  it("reports an undefined normalisation instead of dividing by zero", () => {
    const r = ssgsea(matrix(3, 1, [1, 2, 3]), [[2]]);
    expect(ssgseaCell(r, 0, 0)).toMatchObject({ ok: false, reason: "no-variation" });
  });
});

describe("ssGSEA in chunks", () => {
  it("raw chunks normalised once equal the normalised whole", () => {
    const whole = ssgsea(expression, fx.sets);
    const first = ssgsea(expression, fx.sets.slice(0, 2), { normalize: false });
    const second = ssgsea(expression, fx.sets.slice(2), { normalize: false });
    const joined = normalizeSsgseaByRange({
      scores: matrix(fx.sets.length, expression.cols, Float64Array.from([...first.scores.data, ...second.scores.data])),
      status: Uint8Array.from([...first.status, ...second.status]),
      genesUsed: Uint32Array.from([...first.genesUsed, ...second.genesUsed]),
      droppedGenes: first.droppedGenes,
    });
    expect(Array.from(joined.scores.data)).toEqual(Array.from(whole.scores.data));
  });
});
