// What must agree between the association engines: the links as the reader sees them and the analysis without its finish time.
import type * as M from "../../graph-model/model/records.js";

/** Links as the reader sees them, in a fixed order. */
export function comparableLinks(links: readonly M.CorrelationLink[]): unknown[] {
  return links.map((l) => ({ feature: l.featureKey, target: l.targetKey, rho: l.rho, p: l.p, q: l.q, n: l.n })).sort((a, b) => `${a.feature}|${a.target}`.localeCompare(`${b.feature}|${b.target}`));
}

/** The analysis without the time it finished. */
export function comparableAnalysis(analysis: M.Analysis): unknown {
  const { createdAt: _createdAt, ...rest } = analysis;
  return rest;
}
