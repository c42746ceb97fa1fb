import { describe, expect, it } from "vitest";
import { averageRanks, ranksOfPresent } from "../../../compute/stats/ranks.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { decodeAll, loadFixture, type JsonNumber } from "./fixture-helpers.js";

interface RankCase {
  values: JsonNumber[];
  ranks: JsonNumber[];
  tieTerm: number;
}
const fixture = loadFixture<{ cases: RankCase[] }>("ranks.json");

describe("averageRanks (scipy.stats.rankdata method='average')", () => {
  fixture.cases.forEach((c, k) => {
    it(`case ${k}: ${c.values.length} values`, () => {
      const r = averageRanks(decodeAll(c.values));
      expect(Array.from(r.ranks)).toEqual(Array.from(decodeAll(c.ranks)));
      expect(r.tieTerm).toBe(c.tieTerm);
    });
  });

  it("refuses NaN with a typed error", () => {
    expect(() => averageRanks([1, NaN, 2])).toThrow(StatsInputError);
  });

  it("ranks a long vector with many ties (quicksort path) like a direct count", () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 13);
    const r = averageRanks(v);
    for (let i = 0; i < v.length; i += 97) {
      let less = 0;
      let equal = 0;
      for (const w of v) {
        if (w < v[i]!) less++;
        else if (w === v[i]!) equal++;
      }
      expect(r.ranks[i]).toBe(less + (equal + 1) / 2); // average rank = #less + (t+1)/2
    }
  });
});

describe("ranksOfPresent", () => {
  it("drops NaN and reports the kept positions", () => {
    const r = ranksOfPresent([3, NaN, 1, 3, NaN]);
    expect(Array.from(r.kept)).toEqual([0, 2, 3]);
    expect(Array.from(r.ranks)).toEqual([2.5, 1, 2.5]);
    expect(r.tieTerm).toBe(6);
  });

  it("returns empty results when everything is missing", () => {
    const r = ranksOfPresent([NaN, NaN]);
    expect(r.kept.length).toBe(0);
    expect(r.ranks.length).toBe(0);
  });
});
