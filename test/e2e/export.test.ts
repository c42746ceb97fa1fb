// Exports over HTTP after a real runAssociation on the demo cohort (planted: lesion heterogeneity
// follows the hypoxia genes): radiogenomicMap over GraphQL, the /export endpoints (Cytoscape.js JSON,
// GraphML, CSV/TSV link tables and feature matrices, SVG heatmap) read back by independent readers
// and checked against what GraphQL reports, the error shapes, and the CLI against the same server.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { readCsv, readTsv } from "../support/delimited-reader.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { runCli } from "../support/cli-process.js";
import { useTestPlatform } from "../support/test-platform.js";
import { descendants, parseXml } from "../support/xml-tree.js";

const cohort = demoCohort({ patientsPerCollection: 15 });
const RUN = `mutation { runAssociation(targets: PATHWAYS, families: ["intensity_statistics", "glcm"]) { id params } }`;
const LINKS = `query($id: ID!, $maxQ: Float) { featurePathwayLinks(analysisId: $id, maxQ: $maxQ, first: 10000) { feature { name ibsiCode settingsHash } target rho p q n } }`;
const MAP = `query($ids: [ID!], $maxQ: Float, $minAbsRho: Float) { radiogenomicMap(analysisIds: $ids, maxQ: $maxQ, minAbsRho: $minAbsRho) {
  nodes { id kind label key family ibsiCode settingsHash } edges { id kind source target measure effect rho p q n analysisId } } }`;
describe.each(BOTH_STORES)("exports for visualisation tools [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort });
  let analysis: { id: string; params: any };
  let significant: any[];
  let all: any[];
  const get = (p: string) => fetch(new URL(p, platform.server.url));

  beforeAll(async () => {
    const run = await graphql(platform.server.graphqlUrl, RUN);
    expect(run.errors).toBeUndefined();
    analysis = run.data.runAssociation;
    significant = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, maxQ: 0.05 })).data.featurePathwayLinks;
    all = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id })).data.featurePathwayLinks;
    expect(significant.length).toBeGreaterThan(0);
  });

  it("radiogenomicMap holds exactly the links at q ≤ 0.05, with the planted hypoxia link", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, MAP, { ids: [analysis.id] });
    expect(errors).toBeUndefined();
    const { nodes, edges } = data.radiogenomicMap;
    expect(edges).toHaveLength(significant.length);
    const byId = new Map(nodes.map((n: any) => [n.id, n]));
    for (const e of edges) {
      const feature: any = byId.get(e.source);
      const pathway: any = byId.get(e.target);
      expect(feature.kind).toBe("FEATURE");
      expect(pathway.kind).toBe("PATHWAY");
      const link = significant.find((l) => l.target === pathway.key && l.feature.name === feature.label);
      expect(link, `${feature.label} → ${pathway.key}`).toBeDefined();
      expect(e).toMatchObject({ kind: "CORRELATES_WITH", measure: "rho", rho: link.rho, effect: link.rho, p: link.p, q: link.q, n: link.n, analysisId: analysis.id });
    }
    const dispersion = edges.find((e: any) => (byId.get(e.source) as any).ibsiCode === "7TET");
    expect(dispersion.target).toBe("pathway:DEMO_HYPOXIA");
    expect(dispersion.rho).toBeGreaterThan(0.5);
    expect(nodes.filter((n: any) => n.kind === "FEATURE").every((n: any) => n.family && n.settingsHash === analysis.params.settingsHash)).toBe(true);

    const strong = (await graphql(platform.server.graphqlUrl, MAP, { ids: [analysis.id], maxQ: 1, minAbsRho: 0.5 })).data.radiogenomicMap.edges;
    expect(strong).toHaveLength(all.filter((l) => Math.abs(l.rho) >= 0.5).length);
  });

  it("radiogenomicMap says NOT_FOUND for an unknown analysis and BAD_USER_INPUT for a bad maxQ", async () => {
    const unknown = await graphql(platform.server.graphqlUrl, MAP, { ids: [analysis.id, "assoc-nope"] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.errors?.[0]?.message).toContain("assoc-nope");
    const bad = await graphql(platform.server.graphqlUrl, MAP, { ids: [analysis.id], maxQ: 3 });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const none = await graphql(platform.server.graphqlUrl, MAP, {});
    expect(none.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(none.errors?.[0]?.message).toContain("analysisIds");
  });

  it("serves the map as Cytoscape.js JSON and GraphML with the same nodes and edges", async () => {
    const cyjs = await get(`/export/analyses/${analysis.id}/map.cyjs`);
    expect(cyjs.status).toBe(200);
    expect(cyjs.headers.get("content-type")).toMatch(/^application\/json/);
    expect(cyjs.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="?${analysis.id}-map\\.cyjs"?$`));
    const json: any = await cyjs.json();
    expect(json.elements.edges).toHaveLength(significant.length);
    const ids = new Set(json.elements.nodes.map((n: any) => n.data.id));
    for (const e of json.elements.edges) expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);

    const graphml = await get(`/export/analyses/${analysis.id}/map.graphml`);
    expect(graphml.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    const root = parseXml(await graphml.text());
    expect(descendants(root, "node")).toHaveLength(json.elements.nodes.length);
    expect(descendants(root, "edge")).toHaveLength(json.elements.edges.length);
  });

  it("serves the link table as CSV and TSV with provenance, every tested link once", async () => {
    const csv = await get(`/export/analyses/${analysis.id}/links.csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const table = readCsv(await csv.text());
    const sidecar = (await (await get(`/export/analyses/${analysis.id}/links.provenance.json`)).json()) as { provenance: string[]; columns: string[] };
    expect(sidecar.provenance.join("\n")).toContain(analysis.params.settingsHash);
    expect(sidecar.provenance.join("\n")).toContain("DEMO_HYPOXIA@");
    expect(sidecar.columns).toEqual(table.records[0]);
    const [header, ...rows] = table.records;
    expect(rows).toHaveLength(all.length);
    const col = (name: string) => header!.indexOf(name);
    const top = rows[0]!;
    expect(top[col("targetKey")]).toBe(all[0].target);
    expect(Number(top[col("effect")])).toBe(all[0].rho);
    expect(Number(top[col("q")])).toBe(all[0].q);
    expect(Number(top[col("n")])).toBe(all[0].n);

    const tsv = readTsv(await (await get(`/export/analyses/${analysis.id}/links.tsv?maxQ=0.05`)).text());
    expect(tsv.records.slice(1)).toHaveLength(significant.length);
    const filtered = (await (await get(`/export/analyses/${analysis.id}/links.provenance.json?maxQ=0.05`)).json()) as { provenance: string[] };
    expect(filtered.provenance[0]).toContain("q <= 0.05");
  });

  it("serves the feature matrix with the values the graph holds and settings in its provenance sidecar", async () => {
    const response = await get(`/export/analyses/${analysis.id}/features.csv`);
    expect(response.status).toBe(200);
    const { records } = readCsv(await response.text());
    const { provenance: comments } = (await (await get(`/export/analyses/${analysis.id}/features.provenance.json`)).json()) as { provenance: string[] };
    expect(comments.find((c) => c.startsWith("settingsHash:"))).toBe(`settingsHash: ${analysis.params.settingsHash}`);
    expect(comments.find((c) => c.startsWith("settings:"))).toContain("binCount");
    const [header, ...rows] = records;
    expect(header!.slice(0, 2)).toEqual(["patientId", "lesionId"]);
    expect(rows).toHaveLength(analysis.params.patients);
    expect(header!.length - 2).toBe(analysis.params.features);

    const lesionId = rows[0]![1]!;
    const patientId = rows[0]![0]!;
    const stored = await graphql(platform.server.graphqlUrl, `query($id: ID!, $hash: String) { patient(id: $id) { studies { series { lesions { id storedFeatures(settingsHash: $hash) { name value } } } } } }`, { id: patientId, hash: analysis.params.settingsHash });
    const lesion = stored.data.patient.studies.flatMap((s: any) => s.series).flatMap((s: any) => s.lesions).find((l: any) => l.id === lesionId);
    const expected = new Map(lesion.storedFeatures.map((f: any) => [f.name, f.value]));
    header!.slice(2).forEach((name, k) => expect(rows[0]![k + 2] === "" ? null : Number(rows[0]![k + 2]), name).toBe(expected.get(name)));

    const byCohort = readTsv(await (await get(`/export/features.tsv?collection=TCGA-LUAD&family=glcm`)).text());
    // The analysis computed features for one lesion per patient: the LUAD patients with a lesion.
    const studyPatient = new Map(cohort.studies.map((s) => [s.uid, s.patientId]));
    const seriesPatient = new Map(cohort.series.map((s) => [s.uid, studyPatient.get(s.studyUid)]));
    const luad = new Set(cohort.patients.filter((p) => p.collectionId === "TCGA-LUAD").map((p) => p.id));
    const luadWithLesion = new Set(cohort.lesions.map((l) => seriesPatient.get(l.seriesUid)!).filter((p) => luad.has(p)));
    expect(byCohort.records.slice(1)).toHaveLength(luadWithLesion.size);
    expect(byCohort.records[0]!.slice(2).every((name) => name.startsWith("cm_"))).toBe(true);
  });

  it("serves every table as Parquet that pandas and DuckDB read back to the GraphQL answer, provenance in its metadata", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rg-parquet-"));
    // Async, so the server's keep-alive sockets are not left to time out under a blocked event loop.
    const readParquet = async (reader: string, file: string) => JSON.parse((await promisify(execFile)("/opt/rgpy/bin/python", [path.join(import.meta.dirname, "../support/read-parquet.py"), reader, file, "radiogenomics.provenance"], { encoding: "utf8", maxBuffer: 64 << 20 })).stdout);
    try {
      const links = path.join(dir, "links.parquet");
      const cli = await runCli(["export", "links", "--server", platform.server.url, "--analysis", analysis.id, "--format", "parquet", "--out", links]);
      expect(cli.code, cli.stderr).toBe(0);
      const response = await get(`/export/analyses/${analysis.id}/features.parquet`);
      expect(response.headers.get("content-type")).toMatch(/^application\/vnd\.apache\.parquet/);
      expect(response.headers.get("content-disposition")).toContain(`${analysis.id}-features.parquet`);
      const features = path.join(dir, "features.parquet");
      await writeFile(features, Buffer.from(await response.arrayBuffer()));
      for (const reader of ["pandas", "duckdb"]) {
        const got = await readParquet(reader, links);
        expect(got.rows, reader).toHaveLength(all.length);
        const col = (name: string) => got.columns.indexOf(name);
        const byKey = new Map(got.rows.map((r: any[]) => [`${r[col("featureName")]}|${r[col("targetKey")]}`, r]));
        for (const l of all) {
          const row: any = byKey.get(`${l.feature.name}|${l.target}`);
          expect(row, `${l.feature.name} → ${l.target}`).toBeDefined();
          expect([row[col("effect")], row[col("p")], row[col("q")], row[col("n")], row[col("ibsiCode")], row[col("settingsHash")]]).toEqual([l.rho, l.p, l.q, l.n, l.feature.ibsiCode, l.feature.settingsHash]);
        }
        expect(JSON.parse(got.provenance).provenance.join("\n")).toContain(analysis.params.settingsHash);

        const matrix = await readParquet(reader, features);
        expect(matrix.columns.slice(0, 2)).toEqual(["patientId", "lesionId"]);
        expect(matrix.rows).toHaveLength(analysis.params.patients);
        expect(JSON.parse(matrix.provenance).provenance).toContain(`settingsHash: ${analysis.params.settingsHash}`);
        if (reader === "duckdb") continue;
        for (const row of matrix.rows) {
          const stored = await graphql(platform.server.graphqlUrl, `query($id: ID!, $hash: String) { patient(id: $id) { studies { series { lesions { id storedFeatures(settingsHash: $hash) { name value } } } } } }`, { id: row[0], hash: analysis.params.settingsHash });
          const lesion = stored.data.patient.studies.flatMap((s: any) => s.series).flatMap((s: any) => s.lesions).find((x: any) => x.id === row[1]);
          const expected = new Map(lesion.storedFeatures.map((f: any) => [f.name, f.value]));
          matrix.columns.slice(2).forEach((name: string, k: number) => expect(row[k + 2], `${row[1]} ${name}`).toBe(expected.get(name) ?? null));
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("draws the feature × pathway heatmap with one cell per pair and the q < 0.05 cells marked", async () => {
    const response = await get(`/export/analyses/${analysis.id}/heatmap.svg`);
    expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const root = parseXml(await response.text());
    const features = new Set(all.map((l) => l.feature.name)).size;
    const pathways = new Set(all.map((l) => l.target)).size;
    expect(descendants(root, "rect").filter((r) => r.attributes.class === "cell")).toHaveLength(features * pathways);
    expect(descendants(root, "circle").filter((c) => c.attributes.class === "significant")).toHaveLength(all.filter((l) => l.q < 0.05).length);
  });

  it("answers 404 for an unknown analysis and 400 for bad parameters, in the platform's error shape", async () => {
    const missing = await get(`/export/analyses/assoc-nope/map.graphml`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await missing.json()) as any).errors[0]).toMatchObject({ extensions: { code: "NOT_FOUND" }, message: expect.stringContaining("assoc-nope") });
    for (const query of ["maxQ=abc", "maxQ=1.5", "minAbsRho=-1", "maxQ=0.1&maxQ=0.2"]) {
      const bad = await get(`/export/analyses/${analysis.id}/links.csv?${query}`);
      expect(bad.status, query).toBe(400);
      expect(((await bad.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    }
    expect((await get(`/export/features.csv?binCount=1.5`)).status).toBe(400);
    expect((await get(`/export/map.cyjs`)).status).toBe(400);
  });

  it("exports through the CLI from the running server", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rg-export-"));
    try {
      const out = path.join(dir, "map.graphml");
      const ok = await runCli(["export", "map", "--server", platform.server.url, "--analysis", analysis.id, "--format", "graphml", "--out", out]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(descendants(parseXml(await readFile(out, "utf8")), "edge")).toHaveLength(significant.length);
      const links = await runCli(["export", "links", "--server", platform.server.url, "--analysis", analysis.id, "--format", "tsv", "--max-q", "0.05"]);
      expect(readTsv(links.stdout).records.slice(1)).toHaveLength(significant.length);
      const missing = await runCli(["export", "heatmap", "--server", platform.server.url, "--analysis", "assoc-nope"]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("assoc-nope");
      const badFormat = await runCli(["export", "map", "--server", platform.server.url, "--analysis", analysis.id, "--format", "svg"]);
      expect(badFormat.code).toBe(1);
      expect(badFormat.stderr).toContain("cyjs or graphml");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
