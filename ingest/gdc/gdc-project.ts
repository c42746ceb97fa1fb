// GDC answers a filter on an unknown project with empty hits, not an error (reference §1.4), so a
// project is "unknown" when it has no cases at all.
import { BadUserInputError } from "../../compute/errors.js";
import type { HttpClient } from "../http/http-client.js";
import { fieldIn } from "./gdc-filters.js";
import { gdcPages } from "./gdc-pages.js";

/** On /cases (reference §1.5 recipe A). */
export function projectFilter(projectId: string) {
  return fieldIn("project.project_id", [projectId]);
}

export async function assertGdcProjectHasCases(http: HttpClient, projectId: string): Promise<number> {
  if (!/^[A-Z0-9]+-[A-Z0-9-]+$/i.test(projectId)) throw new BadUserInputError(`'${projectId}' is not a GDC project id (expected e.g. TCGA-GBM)`);
  for await (const page of gdcPages(http, { endpoint: "cases", filters: projectFilter(projectId), fields: ["case_id"], sort: "submitter_id:asc", pageSize: 0 })) {
    if (page.total === 0) throw unknownProject(projectId);
    return page.total;
  }
  throw unknownProject(projectId);
}

export function unknownProject(projectId: string): BadUserInputError {
  return new BadUserInputError(`GDC has no cases for project '${projectId}': check the project id (e.g. TCGA-GBM, TCGA-LUAD)`, { projectId });
}
