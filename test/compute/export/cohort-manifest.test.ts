// Download manifests against the formats their tools document: TCIA's `.tcia` manifest (the layout of the
// example on TCIA's wiki page "Creating a Manifest File"), the argument `idc download` splits on commas
// (idc-index, idc_index/cli.py), and RFC 4180 CSV with DICOMweb WADO-RS series URLs (PS3.18).
import { describe, expect, it } from "vitest";
import { cohortManifest, CSV_COLUMNS, type ManifestSeries } from "../../../compute/export/cohort-manifest.js";

// The header keys, in order, and the manifest version of the example manifest on TCIA's wiki page
// ("Creating a Manifest File", Manifest API section); the series UIDs follow `ListOfSeriesToDownload=`.
const TCIA_DOCUMENTED_KEYS = ["downloadServerUrl", "includeAnnotation", "noOfrRetry", "databasketId", "manifestVersion"];
const TCIA_DOCUMENTED_VERSION = "3.0";

const SERIES: ManifestSeries[] = [
  { collectionId: "TCGA-GBM", patientId: "TCGA-02-0003", studyUid: "1.3.6.1.4.1.14519.5.2.1.1", seriesUid: "1.3.6.1.4.1.14519.5.2.1.1.1", modality: "MR" },
  { collectionId: "TCGA-GBM", patientId: "TCGA-02-0003", studyUid: "1.3.6.1.4.1.14519.5.2.1.1", seriesUid: "1.3.6.1.4.1.14519.5.2.1.1.2", modality: "MR" },
  { collectionId: "Lung, \"pilot\"", patientId: "TCGA-05-4244", studyUid: "2.25.7", seriesUid: "2.25.7.1", modality: null },
];
const OPTIONS = { dicomwebBaseUrl: "http://127.0.0.1:8042/dicom-web/", name: "cohort 1/luad" };

/** key=value header lines of a .tcia manifest as a map, and the UID lines after ListOfSeriesToDownload=. */
function parseTcia(text: string): { header: Map<string, string>; uids: string[] } {
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const listAt = lines.indexOf("ListOfSeriesToDownload=");
  const header = new Map(lines.slice(0, listAt).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] as [string, string]));
  return { header, uids: lines.slice(listAt + 1) };
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  expect(field).toBe("");
  return rows;
}

describe("cohort download manifests", () => {
  it("writes a .tcia manifest with the keys and layout of TCIA's documented example", () => {
    const ours = parseTcia(cohortManifest(SERIES, "TCIA", OPTIONS));
    expect([...ours.header.keys()]).toEqual(TCIA_DOCUMENTED_KEYS);
    expect(ours.header.get("manifestVersion")).toBe(TCIA_DOCUMENTED_VERSION);
    expect(ours.header.get("noOfrRetry")).toBe("4");
    expect(ours.header.get("downloadServerUrl")).toBe("https://nbia.cancerimagingarchive.net/nbia-download/servlet/DownloadServlet");
    expect(ours.header.get("databasketId")).toMatch(/^manifest-[A-Za-z0-9._-]+\.tcia$/);
    expect(ours.uids).toEqual(SERIES.map((s) => s.seriesUid));
  });

  it("writes the comma-separated SeriesInstanceUIDs `idc download` accepts", () => {
    const argument = cohortManifest(SERIES, "IDC", OPTIONS);
    // idc-index: item_ids = [item for item in generic_argument.split(",") if item]
    expect(argument.split(",").filter(Boolean)).toEqual(SERIES.map((s) => s.seriesUid));
    expect(argument).not.toMatch(/\s/);
  });

  it("writes RFC 4180 CSV with each series' WADO-RS URL under the configured DICOMweb root", () => {
    const rows = parseCsv(cohortManifest(SERIES, "CSV", OPTIONS));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      "TCGA-GBM", "TCGA-02-0003", "1.3.6.1.4.1.14519.5.2.1.1", "1.3.6.1.4.1.14519.5.2.1.1.1", "MR",
      "http://127.0.0.1:8042/dicom-web/studies/1.3.6.1.4.1.14519.5.2.1.1/series/1.3.6.1.4.1.14519.5.2.1.1.1",
    ]);
    expect(rows[3]).toEqual(["Lung, \"pilot\"", "TCGA-05-4244", "2.25.7", "2.25.7.1", "", "http://127.0.0.1:8042/dicom-web/studies/2.25.7/series/2.25.7.1"]);
  });

  it("lists each series once and refuses what is not a DICOM UID", () => {
    expect(cohortManifest([...SERIES, SERIES[0]!], "IDC", OPTIONS).split(",")).toHaveLength(3);
    const bad = { ...SERIES[0]!, seriesUid: "1.2.3\nListOfSeriesToDownload=" };
    expect(() => cohortManifest([bad], "TCIA", OPTIONS)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    expect(() => cohortManifest([{ ...SERIES[0]!, seriesUid: "1.02.3" }], "CSV", OPTIONS)).toThrow(/not a DICOM UID/);
  });

  it("writes valid, empty manifests for a cohort without imaging", () => {
    expect(parseTcia(cohortManifest([], "TCIA", OPTIONS)).uids).toEqual([]);
    expect(cohortManifest([], "IDC", OPTIONS)).toBe("");
    expect(parseCsv(cohortManifest([], "CSV", OPTIONS))).toEqual([[...CSV_COLUMNS]]);
  });
});
