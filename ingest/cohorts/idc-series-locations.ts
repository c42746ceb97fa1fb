// Where IDC keeps each series' files: SeriesInstanceUID → `series_aws_url` (s3://<bucket>/<crdc_series_uuid>/*),
// the mapping `idc download-from-manifest` resolves against. The graph holds DICOM UIDs only, and IDC's
// DICOMweb answers carry no bucket path, so the s5cmd manifest reads IDC's own index: a Parquet file with the
// columns SeriesInstanceUID and series_aws_url, written from idc-index-data by
// scripts/idc-series-locations.sh (RG_IDC_SERIES_LOCATIONS, default ./data/idc-series-locations.parquet).
// Read one row group at a time (IDC v25: 1.04 M series, 9 row groups), keeping only the series asked for.
import { access } from "node:fs/promises";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import { BadUserInputError } from "../../compute/errors.js";

export const IDC_LOCATION_COLUMNS = ["SeriesInstanceUID", "series_aws_url"] as const;

export function idcSeriesLocationsPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.RG_IDC_SERIES_LOCATIONS ?? "./data/idc-series-locations.parquet";
}

/** series_aws_url of each wanted series found in the index file (absent ones are left out). */
export async function idcSeriesLocations(path: string, wanted: Iterable<string>): Promise<Map<string, string>> {
  try {
    await access(path);
  } catch {
    throw new BadUserInputError(`no IDC series index at ${path}: write it with 'bash scripts/idc-series-locations.sh' (from idc-index-data) or set RG_IDC_SERIES_LOCATIONS`);
  }
  const want = new Set(wanted);
  const found = new Map<string, string>();
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const names = metadata.schema.slice(1).map((c) => c.name);
  const missing = IDC_LOCATION_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new BadUserInputError(`${path} has no column ${missing.join(", ")} (columns: ${names.slice(0, 12).join(", ")})`);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    await parquetRead({
      file, metadata, columns: [...IDC_LOCATION_COLUMNS], rowStart, rowEnd,
      onComplete: (rows: unknown[][]) => {
        for (const [uid, url] of rows) if (typeof uid === "string" && typeof url === "string" && want.has(uid)) found.set(uid, url);
      },
    });
    rowStart = rowEnd;
    if (found.size === want.size) break;
  }
  return found;
}
