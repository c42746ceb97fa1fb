export { parseGmt, type GmtGeneSet } from "./gmt-parser.js";
export { msigdbPathways, msigdbLicence } from "./msigdb-gmt.js";
export { reactomeGmtPathways, reactomePathwayUrl, REACTOME_LICENCE } from "./reactome-gmt.js";
export { wikipathwaysPathways, type WikiPathwaysGmt, type UnmappedEntrezId } from "./wikipathways-gmt.js";
export { ReactomeContentService, REACTOME_WEB_SERVICE_LICENCE, type ReactomePathwaySummary } from "./reactome-content-service.js";
export { reactomeIngestJob, MAX_REACTOME_GENES, type ReactomeIngestRequest } from "./reactome-ingest-job.js";
