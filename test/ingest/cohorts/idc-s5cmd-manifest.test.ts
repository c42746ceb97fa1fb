// The s5cmd manifest of 10,000 real IDC series, read by idc-index's own manifest code offline (idc-index 0.13.4
// with the index idc-index-data 25.0.5 ships, IDC v25): the locations file written by
// scripts/idc-series-locations.sh from that index, read by our loader (hyparquet), formatted by
// cohortManifest("S5CMD"), then idc-index's _validate_update_manifest_and_get_download_size — what
// `idc download-from-manifest` runs before s5cmd — must resolve every line to the series we asked for, on
// AWS, without downloading. The demo's generated series are not IDC's: their s5cmd manifest is a typed error.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { BadUserInputError } from "../../../compute/errors.js";
import { cohortManifest, type ManifestSeries } from "../../../compute/export/cohort-manifest.js";
import { idcSeriesLocations } from "../../../ingest/cohorts/idc-series-locations.js";
import { demoCohort } from "../../../ingest/demo/demo-cohort.js";

const PYTHON = "/opt/rgpy/bin/python";
const SUPPORT = join(import.meta.dirname, "../../support");
const ROOT = join(import.meta.dirname, "../../..");
const run = async (program: string, args: string[]) => (await promisify(execFile)(program, args, { encoding: "utf8", maxBuffer: 256 << 20, env: { ...process.env, RG_PYTHON: PYTHON } })).stdout;

describe("IDC s5cmd manifest at 10,000 series, through idc-index's manifest reading", () => {
  const dir = mkdtempSync(join(tmpdir(), "rg-idc-"));
  const locationsFile = join(dir, "idc-series-locations.parquet");
  let uids: string[];
  let locations: Map<string, string>;

  beforeAll(async () => {
    await run("bash", [join(ROOT, "scripts/idc-series-locations.sh"), locationsFile]);
    uids = JSON.parse(await run(PYTHON, [join(SUPPORT, "idc-pick-series.py"), "10000"])) as string[];
    locations = await idcSeriesLocations(locationsFile, [...uids, "2.25.1234"]);
  }, 300_000);

  it("idc-index resolves every line of our manifest to the series asked for, on AWS, offline", async () => {
    expect(new Set(uids).size).toBe(10_000);
    expect(locations.size).toBe(10_000);
    const series: ManifestSeries[] = uids.map((uid, i) => ({ collectionId: null, patientId: `P${i}`, studyUid: "1.2.3", seriesUid: uid, modality: null }));
    const manifest = cohortManifest(series, "S5CMD", { dicomwebBaseUrl: "http://x/dicom-web", name: "c", locations });
    const file = join(dir, "cohort.s5cmd");
    writeFileSync(file, manifest);
    expect(manifest.split("\n").filter(Boolean)).toHaveLength(10_000);
    const read = JSON.parse(await run(PYTHON, [join(SUPPORT, "idc-validate-manifest.py"), file, join(dir, "download")])) as
      { idcVersion: string; lines: number; unresolved: number; endpoint: string; totalMB: number; seriesInstanceUids: string[]; commands: string[] };
    expect(read.idcVersion).toBe("v25");
    expect(read.lines).toBe(10_000);
    expect(read.unresolved).toBe(0);
    expect(read.endpoint).toBe("https://s3.amazonaws.com");
    expect(read.totalMB).toBeGreaterThan(0);
    expect(new Set(read.seriesInstanceUids)).toEqual(new Set(uids));
    expect(read.commands[0]).toMatch(/^cp s3:\/\/idc-open-data[a-z-]*\/[0-9a-f-]{36}\/\* /);
    // The argument form of the same cohort: far past the 128 KiB a single argv string may hold on Linux (MAX_ARG_STRLEN).
    expect(cohortManifest(series, "IDC", { dicomwebBaseUrl: "", name: "c" }).length).toBeGreaterThan(131_072);
  });

  it("each line is `cp <IDC's series_aws_url> ./`, in the cohort's order, once per series", () => {
    const series = [uids[1]!, uids[0]!, uids[1]!].map((uid) => ({ collectionId: null, patientId: "P", studyUid: "1.2.3", seriesUid: uid, modality: null }));
    expect(cohortManifest(series, "S5CMD", { dicomwebBaseUrl: "", name: "c", locations }).split("\n").filter(Boolean))
      .toEqual([`cp ${locations.get(uids[1]!)} ./`, `cp ${locations.get(uids[0]!)} ./`]);
  });

  it("the demo's generated series are not IDC series: a BAD_USER_INPUT naming them, not a manifest idc-index would half-drop", () => {
    expect(locations.has("2.25.1234")).toBe(false);
    const demo = demoCohort();
    const studyPatient = new Map(demo.studies.map((s) => [s.uid, s.patientId]));
    const series: ManifestSeries[] = demo.series.map((s) => ({ collectionId: null, patientId: studyPatient.get(s.studyUid)!, studyUid: s.studyUid, seriesUid: s.uid, modality: null }));
    const attempt = () => cohortManifest(series, "S5CMD", { dicomwebBaseUrl: "", name: "demo", locations });
    expect(attempt).toThrow(BadUserInputError);
    expect(attempt).toThrow(new RegExp(`${series.length} of ${series.length} series are not in IDC's series index`));
  });

  it("a missing locations file says how to write it", async () => {
    await expect(idcSeriesLocations(join(dir, "nope.parquet"), uids)).rejects.toThrow(/scripts\/idc-series-locations\.sh/);
  });
});
