// HTTP exports for visualisation tools and notebooks, next to /graphql on the same server:
// Cytoscape.js JSON and GraphML of the radiogenomic map, CSV/TSV link tables and feature matrices,
// and an SVG heatmap. Each export is one entry in EXPORT_ROUTES (path, what it renders); the router
// adds Content-Type, Content-Disposition and the platform's error shape (404 unknown analysis,
// 400 bad parameters).
import express from "express";
import type { Logger } from "pino";
import { PlatformError, RateLimitedError, type ErrorCode } from "../compute/errors.js";
import { correlationHeatmap } from "../compute/export/correlation-heatmap.js";
import { CSV_CONTENT_TYPE, formatCsv } from "../compute/export/csv.js";
import { formatCytoscapeJson } from "../compute/export/cytoscape-json.js";
import { formatCytoscapeStyleJson } from "../compute/export/cytoscape-style-json.js";
import { formatCytoscapeVizmap } from "../compute/export/cytoscape-vizmap.js";
import { featureMatrixTable } from "../compute/export/feature-matrix.js";
import { mapToGraphDocument } from "../compute/export/graph-document.js";
import { formatGraphml } from "../compute/export/graphml.js";
import { formatHeatmapSvg, SVG_CONTENT_TYPE } from "../compute/export/heatmap-svg.js";
import { formatParquet, PARQUET_CONTENT_TYPE } from "../compute/export/parquet.js";
import { linkTable } from "../compute/export/link-table.js";
import { formatProvenance, type Table, type TableFormatOptions } from "../compute/export/table.js";
import type { ManifestFormat } from "../compute/export/cohort-manifest.js";
import { formatTsv, TSV_CONTENT_TYPE } from "../compute/export/tsv.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import { exportCohortManifest, MANIFEST_FILES } from "../ingest/cohorts/cohort-manifest-export.js";
import { loadFeatureMatrix, type FeatureMatrixQuery } from "../ingest/analysis/feature-matrix-source.js";
import { loadRadiogenomicMap, type MapQuery } from "../ingest/analysis/radiogenomic-map-source.js";
import { settingsKey } from "../ingest/features/feature-settings-key.js";
import { signatureCoefficients, signatureFolds, signatureRocSvg } from "../ingest/analysis/signature-export.js";
import { harmonisationDiagnostics, harmonisedValues } from "../ingest/analysis/harmonisation-export.js";
import { survivalForestSvg, survivalKaplanMeierSvg, survivalTable } from "../ingest/analysis/survival-export.js";
import { DEFAULT_FEATURE_SETTINGS } from "../resolvers/feature-settings.mapping.js";
import { listParam, numberParam, safeFileName, stringParam, type QueryParams } from "./export-params.js";

export interface ExportRequest {
  store: GraphStore;
  /** DICOMweb root of the configured imaging source (retrieval URLs in manifests). */
  dicomwebBaseUrl: string;
  params: Record<string, string>;
  query: QueryParams;
}

export interface ExportResult {
  /** Text, or bytes for a binary format (Parquet). */
  body: string | Uint8Array;
  contentType: string;
  /** Suggested file name (Content-Disposition). */
  fileName: string;
}

export interface ExportRoute {
  /** An express path, e.g. /export/analyses/:id/map.cyjs */
  path: string;
  render(request: ExportRequest): Promise<ExportResult>;
}

const TABLE_FORMATS = {
  csv: { format: formatCsv, contentType: CSV_CONTENT_TYPE },
  tsv: { format: formatTsv, contentType: TSV_CONTENT_TYPE },
} as const;

/** csv/tsv, Parquet (provenance in its key-value metadata), or the text tables' provenance sidecar `<name>.provenance.json`. */
type TableExtension = keyof typeof TABLE_FORMATS | "parquet" | "provenance.json";
const TABLE_EXTENSIONS = ["csv", "tsv", "parquet", "provenance.json"] as const;

/** ?spreadsheetSafe=false writes formula-looking text as stored (no leading `'`). */
function tableOptions(query: QueryParams): TableFormatOptions {
  return { spreadsheetSafe: stringParam(query, "spreadsheetSafe") !== "false" };
}

function mapQuery({ params, query }: ExportRequest, defaultMaxQ: number | undefined): MapQuery {
  return {
    analysisIds: params.id !== undefined ? [params.id] : (listParam(query, "analysis") ?? []),
    cohortId: params.id !== undefined ? undefined : stringParam(query, "cohort"),
    maxQ: numberParam(query, "maxQ", { min: 0, max: 1 }) ?? defaultMaxQ,
    minAbsRho: numberParam(query, "minAbsRho", { min: 0, max: 1 }),
  };
}

function mapName(ids: readonly string[]): string {
  return `radiogenomic map of ${ids.join(", ")}`;
}

function mapExport(extension: "cyjs" | "graphml"): ExportRoute["render"] {
  return async (request) => {
    const query = mapQuery(request, 0.05);
    const { map } = await loadRadiogenomicMap(request.store, query);
    const document = mapToGraphDocument(map, mapName(query.analysisIds));
    const fileName = `${safeFileName(query.analysisIds.join("+"))}-map.${extension}`;
    return extension === "cyjs"
      ? { body: formatCytoscapeJson(document, undefined, { maxQ: query.maxQ ?? 0.05 }), contentType: "application/json; charset=utf-8", fileName }
      : { body: formatGraphml(document), contentType: "application/graphml+xml; charset=utf-8", fileName };
  };
}

function linksExport(extension: TableExtension): ExportRoute["render"] {
  return async (request) => {
    const query = mapQuery(request, undefined);
    const { analyses, map } = await loadRadiogenomicMap(request.store, query);
    const filters = [query.maxQ !== undefined ? `q <= ${query.maxQ}` : "", query.minAbsRho !== undefined ? `|rho| >= ${query.minAbsRho}` : ""].filter(Boolean);
    return tableResult(linkTable(map, analyses, filters), extension, `${safeFileName(query.analysisIds.join("+"))}-links`, tableOptions(request.query));
  };
}

/** The map's style alone: vizmap XML (Cytoscape desktop › Import › Styles from File) or the Cytoscape.js style JSON. */
function mapStyleExport(extension: "style.xml" | "style.json"): ExportRoute["render"] {
  return async (request) => {
    const query = mapQuery(request, 0.05);
    await loadRadiogenomicMap(request.store, query); // NOT_FOUND for an unknown analysis, like the map itself
    const fileName = `${safeFileName(query.analysisIds.join("+"))}-map.${extension}`;
    return extension === "style.xml"
      ? { body: formatCytoscapeVizmap(query.maxQ ?? 0.05), contentType: "application/xml; charset=utf-8", fileName }
      : { body: formatCytoscapeStyleJson(query.maxQ ?? 0.05), contentType: "application/json; charset=utf-8", fileName };
  };
}

async function heatmapExport(request: ExportRequest): Promise<ExportResult> {
  const query = mapQuery(request, undefined);
  const markQ = numberParam(request.query, "markQ", { min: 0, max: 1 }) ?? 0.05;
  const { map } = await loadRadiogenomicMap(request.store, query);
  const svg = formatHeatmapSvg(correlationHeatmap(map, `Spearman rho, ${query.analysisIds.join(", ")}`, markQ));
  return { body: svg, contentType: SVG_CONTENT_TYPE, fileName: `${safeFileName(query.analysisIds.join("+"))}-heatmap.svg` };
}

function featureQuery({ params, query }: ExportRequest): FeatureMatrixQuery {
  const analysisId = params.id ?? stringParam(query, "analysis");
  if (analysisId !== undefined) return { analysisId };
  const binCount = numberParam(query, "binCount", { min: 2, max: 100_000, integer: true });
  const binWidth = numberParam(query, "binWidth", { min: Number.MIN_VALUE, max: 1e9 });
  const settings = binWidth !== undefined ? { discretisation: { method: "fixedBinSize" as const, binWidth } }
    : binCount !== undefined ? { discretisation: { method: "fixedBinNumber" as const, binCount } } : DEFAULT_FEATURE_SETTINGS;
  return {
    filter: { ids: listParam(query, "patient"), collectionIds: listParam(query, "collection") },
    settingsHash: stringParam(query, "settingsHash") ?? settingsKey(settings).hash,
    families: listParam(query, "family"),
  };
}

function featuresExport(extension: TableExtension): ExportRoute["render"] {
  return async (request) => {
    const query = featureQuery(request);
    const input = await loadFeatureMatrix(request.store, query);
    const base = "analysisId" in query ? `${safeFileName(query.analysisId)}-features` : `features-${query.settingsHash}`;
    return tableResult(featureMatrixTable(input), extension, base, tableOptions(request.query));
  };
}

function tableResult(table: Table, extension: TableExtension, base: string, options: TableFormatOptions = {}): ExportResult {
  if (extension === "provenance.json")
    return { body: formatProvenance(table, base), contentType: "application/json; charset=utf-8", fileName: `${base}.provenance.json` };
  if (extension === "parquet") return { body: formatParquet(table, base), contentType: PARQUET_CONTENT_TYPE, fileName: `${base}.parquet` };
  const { format, contentType } = TABLE_FORMATS[extension];
  return { body: format(table, options), contentType, fileName: `${base}.${extension}` };
}

function manifestExport(format: ManifestFormat): ExportRoute["render"] {
  return async ({ store, params, dicomwebBaseUrl }) => ({
    body: await exportCohortManifest(store, params.id!, format, dicomwebBaseUrl),
    contentType: MANIFEST_FILES[format].contentType,
    fileName: `${safeFileName(params.id!)}.${MANIFEST_FILES[format].extension}`,
  });
}

export const EXPORT_ROUTES: ExportRoute[] = [
  { path: "/export/analyses/:id/map.cyjs", render: mapExport("cyjs") },
  { path: "/export/analyses/:id/map.graphml", render: mapExport("graphml") },
  { path: "/export/map.cyjs", render: mapExport("cyjs") },
  { path: "/export/map.graphml", render: mapExport("graphml") },
  ...(["style.xml", "style.json"] as const).flatMap((ext) => [
    { path: `/export/analyses/:id/map.${ext}`, render: mapStyleExport(ext) },
    { path: `/export/map.${ext}`, render: mapStyleExport(ext) },
  ]),
  ...TABLE_EXTENSIONS.flatMap((ext) => [
    { path: `/export/analyses/:id/links.${ext}`, render: linksExport(ext) },
    { path: `/export/analyses/:id/features.${ext}`, render: featuresExport(ext) },
    { path: `/export/features.${ext}`, render: featuresExport(ext) },
    { path: `/export/signatures/:id/coefficients.${ext}`, render: async (r: ExportRequest) => tableResult(await signatureCoefficients(r.store, r.params.id!), ext, `${safeFileName(r.params.id!)}-coefficients`, tableOptions(r.query)) },
    { path: `/export/signatures/:id/folds.${ext}`, render: async (r: ExportRequest) => tableResult(await signatureFolds(r.store, r.params.id!), ext, `${safeFileName(r.params.id!)}-folds`, tableOptions(r.query)) },
  ]),
  ...TABLE_EXTENSIONS.flatMap((ext) => [
    { path: `/export/harmonisations/:id/diagnostics.${ext}`, render: async (r: ExportRequest) => tableResult(await harmonisationDiagnostics(r.store, r.params.id!), ext, `${safeFileName(r.params.id!)}-diagnostics`, tableOptions(r.query)) },
    { path: `/export/harmonisations/:id/values.${ext}`, render: async (r: ExportRequest) => tableResult(await harmonisedValues(r.store, r.params.id!), ext, `${safeFileName(r.params.id!)}-values`, tableOptions(r.query)) },
    { path: `/export/survival/:id/table.${ext}`, render: async (r: ExportRequest) => tableResult(await survivalTable(r.store, r.params.id!), ext, `${safeFileName(r.params.id!)}-table`, tableOptions(r.query)) },
  ]),
  { path: "/export/survival/:id/km.svg", render: async (r) => ({ body: await survivalKaplanMeierSvg(r.store, r.params.id!), contentType: SVG_CONTENT_TYPE, fileName: `${safeFileName(r.params.id!)}-km.svg` }) },
  { path: "/export/survival/:id/forest.svg", render: async (r) => ({ body: await survivalForestSvg(r.store, r.params.id!), contentType: SVG_CONTENT_TYPE, fileName: `${safeFileName(r.params.id!)}-forest.svg` }) },
  { path: "/export/analyses/:id/heatmap.svg", render: heatmapExport },
  { path: "/export/signatures/:id/roc.svg", render: async (r) => ({ body: await signatureRocSvg(r.store, r.params.id!), contentType: SVG_CONTENT_TYPE, fileName: `${safeFileName(r.params.id!)}-roc.svg` }) },
  { path: "/export/cohorts/:id/manifest.tcia", render: manifestExport("TCIA") },
  { path: "/export/cohorts/:id/manifest.idc.txt", render: manifestExport("IDC") },
  { path: "/export/cohorts/:id/manifest.csv", render: manifestExport("CSV") },
  { path: "/export/cohorts/:id/manifest.s5cmd", render: manifestExport("S5CMD") },
];

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, UPSTREAM_UNAVAILABLE: 503, STORE_UNAVAILABLE: 503,
};

export interface ExportRouterOptions {
  /** DICOMweb root of the configured imaging source (retrieval URLs in manifests). */
  dicomwebBaseUrl: string;
  /** Checks the caller may read (API key, rate limit) like a GraphQL query; throws a PlatformError. */
  guard(req: express.Request): Promise<void>;
  routes?: readonly ExportRoute[];
}

export function exportRouter(store: GraphStore, logger: Logger, { dicomwebBaseUrl, guard, routes = EXPORT_ROUTES }: ExportRouterOptions): express.Router {
  const router = express.Router();
  for (const route of routes)
    router.get(route.path, async (req, res) => {
      try {
        await guard(req);
        const result = await route.render({ store, dicomwebBaseUrl, params: req.params as Record<string, string>, query: req.query as QueryParams });
        // attachment() guesses a type from the file name, so the real type is set after it.
        res.status(200).attachment(result.fileName).type(result.contentType).send(typeof result.body === "string" ? result.body : Buffer.from(result.body));
      } catch (error) {
        if (error instanceof PlatformError) {
          if (error instanceof RateLimitedError) res.setHeader("retry-after", String(error.retryAfterSeconds));
          res.status(STATUS[error.code] ?? 500).json({ errors: [{ message: error.message, extensions: { code: error.code, details: error.details } }] });
          return;
        }
        logger.error({ err: error, path: req.path }, "export failed");
        res.status(500).json({ errors: [{ message: "Internal error: the server log has the details", extensions: { code: "INTERNAL" } }] });
      }
    });
  return router;
}
