// The largest page each paged field serves (mirrors the fields' @Max validators, which run only at
// execution): the cost check validates `first` against these before estimating, so a zero, negative or
// huge page is refused before it can skew the estimate.
import { GraphQLError } from "graphql";

export const PAGE_SIZE_MAX: Readonly<Record<string, number>> = {
  patients: 500,
  previewCohort: 500,
  mutationAssociations: 1_000,
  featurePathwayLinks: 10_000,
  featureGeneLinks: 10_000,
  featurePathwayLinkPage: 10_000,
  featureGeneLinkPage: 10_000,
};
/** Any other field with a `first` argument. */
export const DEFAULT_PAGE_SIZE_MAX = 1_000;

/** Throws BAD_USER_INPUT unless `first` is an integer in 1..max for this field. */
export function checkPageSize(fieldName: string, first: unknown): number {
  const max = PAGE_SIZE_MAX[fieldName] ?? DEFAULT_PAGE_SIZE_MAX;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 1 || first > max)
    throw new GraphQLError(`'first' on ${fieldName} must be an integer from 1 to ${max}, got ${String(first).slice(0, 40)}`, { extensions: { code: "BAD_USER_INPUT", field: fieldName, min: 1, max, http: { status: 400 } } });
  return first;
}
