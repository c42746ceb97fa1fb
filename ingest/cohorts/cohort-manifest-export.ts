// A saved cohort's download manifest, for the HTTP and CLI export routes: reads the cohort's series
// from the store and formats them (compute/export/cohort-manifest.ts). GraphQL's Cohort.manifest
// reads the series through DataLoaders and formats them with the same formatCohortManifest.
import { NotFoundError } from "../../compute/errors.js";
import { cohortManifest, type ManifestFormat, type ManifestSeries } from "../../compute/export/cohort-manifest.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { idcSeriesLocations, idcSeriesLocationsPath } from "./idc-series-locations.js";
import { DicomWebArchive, IDC_PUBLIC_DICOMWEB_URL, type ImagingSource } from "../dicomweb/index.js";

/** DICOMweb root of the configured imaging source; IDC's public proxy when it is not a DICOMweb server. */
export function dicomwebBaseUrl(imaging: ImagingSource | undefined): string {
  return imaging?.archive instanceof DicomWebArchive ? imaging.archive.url : IDC_PUBLIC_DICOMWEB_URL;
}

/** File name and media type an export route should answer with. */
export const MANIFEST_FILES: Record<ManifestFormat, { extension: string; contentType: string }> = {
  TCIA: { extension: "tcia", contentType: "application/x-nbia-manifest-file" },
  IDC: { extension: "idc.txt", contentType: "text/plain; charset=utf-8" },
  CSV: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  S5CMD: { extension: "s5cmd", contentType: "text/plain; charset=utf-8" },
};

/** The manifest of a saved cohort's image series; NOT_FOUND for an unknown cohort. */
export async function exportCohortManifest(store: GraphStore, cohortId: string, format: ManifestFormat, baseUrl: string = IDC_PUBLIC_DICOMWEB_URL): Promise<string> {
  if (!(await store.cohortsByIds([cohortId])).length) throw new NotFoundError("Cohort", cohortId);
  const series = (await store.seriesOfCohorts([cohortId])).get(cohortId) ?? [];
  return formatCohortManifest(series, format, { dicomwebBaseUrl: baseUrl, name: cohortId });
}

/** Formats series as a manifest; S5CMD first looks their IDC bucket paths up in IDC's series index. */
export async function formatCohortManifest(series: ManifestSeries[], format: ManifestFormat, options: { dicomwebBaseUrl: string; name: string }): Promise<string> {
  const locations = format === "S5CMD" ? await idcSeriesLocations(idcSeriesLocationsPath(), series.map((s) => s.seriesUid)) : undefined;
  return cohortManifest(series, format, { ...options, locations });
}
