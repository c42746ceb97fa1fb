// Which expression source an analysis reads. The graph keeps values per source (GDC, cBioPortal, …);
// correlating a mix of them would compare numbers on different scales, so one source is chosen: the
// one asked for, else the only one present. Several present and none asked is BAD_USER_INPUT.
import { BadUserInputError } from "../../compute/errors.js";
import type * as M from "../../graph-model/model/records.js";

/** The values of the chosen source; `rows` were read for the asked source only when one was asked. */
export function valuesOfOneSource(rows: readonly M.Expression[], asked: string | undefined): M.Expression[] {
  const sources = [...new Set(rows.map((r) => r.source ?? "unknown"))].sort();
  if (asked !== undefined) {
    if (!rows.length) throw new BadUserInputError(`the cohort has no '${asked}' expression values for these genes (expressionSource)`, { expressionSource: asked });
    return rows.filter((r) => r.source === asked);
  }
  if (sources.length > 1)
    throw new BadUserInputError(`the cohort's expression comes from several sources (${sources.join(", ")}): choose one with expressionSource`, { sources });
  return [...rows];
}

/** Provenance of the values an analysis read: source, releases, files/profiles and a digest of the values. */
export function expressionProvenance(expression: readonly M.Expression[], digest: string): Record<string, unknown> {
  return {
    expressionSource: expression[0]?.source ?? null,
    expressionReleases: [...new Set(expression.map((e) => e.dataRelease ?? "unknown"))].sort(),
    expressionFiles: new Set(expression.map((e) => e.sourceFile).filter((f) => f !== null)).size,
    expressionValues: expression.length,
    expressionDigest: digest,
  };
}
