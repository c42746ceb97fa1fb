// The GDC as a source of normalized records (reference §1): patients with clinical fields and overall
// survival (/cases), primary-tumour expression from STAR-Counts files (/files + /data/{id}, streamed)
// with cohort z-scores, and somatic mutations (/ssm_occurrences). No graph writes here.
import { PlatformError, UpstreamUnavailableError } from "../../compute/errors.js";
import type { ExpressionRecord, PatientRecord } from "../../graph-model/model/records.js";
import type { HttpClient } from "../http/http-client.js";
import type { UndefinedZ } from "../genomics/cohort-z-scores.js";
import { ExpressionMatrix } from "../genomics/expression-matrix.js";
import { objectAt, stringAt } from "../genomics/json-readers.js";
import type { MutationRecord } from "../genomics/mutation-record.js";
import { parseStarCounts } from "../genomics/star-counts-parser.js";
import { tpmBySymbol } from "../genomics/tpm-by-symbol.js";
import { GDC_CASE_FIELDS } from "./gdc-case-fields.js";
import { patientFromGdcCase } from "./gdc-case-to-patient.js";
import { expressionFileOf, GDC_FILE_FIELDS, primaryTumourFiles, starCountsFilter, type GdcExpressionFile } from "./gdc-expression-files.js";
import { allOf, fieldIn } from "./gdc-filters.js";
import { gdcHits } from "./gdc-pages.js";
import { assertGdcProjectHasCases, projectFilter, unknownProject } from "./gdc-project.js";
import { GDC_SSM_OCCURRENCE_FIELDS, mutationsFromSsmOccurrence } from "./gdc-ssm-to-mutations.js";

export interface GdcSourceOptions {
  /** Hits per page of /cases, /files, /ssm_occurrences (default 500). */
  pageSize?: number;
  /** Barcodes per `in` filter (default 200; POST keeps long lists out of the URL). */
  idBatchSize?: number;
  /** STAR-Counts files downloaded at once (default 2). */
  downloadConcurrency?: number;
}

export interface GdcCase {
  caseId: string | null;
  patient: PatientRecord;
}

export interface GdcExpression {
  /** The primary-tumour file read per patient. */
  files: GdcExpressionFile[];
  /** Patients asked for that have no primary-tumour STAR-Counts file. */
  patientsWithoutExpression: string[];
  /** Genes whose z is null for the whole cohort, with the reason. */
  undefinedZ: UndefinedZ[];
  /** value = log2(TPM+1), tpm, z across these patients; gene by gene. */
  records(): Iterable<ExpressionRecord>;
}

export class GdcSource {
  private readonly pageSize: number;
  private readonly idBatchSize: number;
  private readonly downloadConcurrency: number;
  private release: Promise<string | null> | null = null;

  constructor(private readonly http: HttpClient, options: GdcSourceOptions = {}) {
    this.pageSize = options.pageSize ?? 500;
    this.idBatchSize = options.idBatchSize ?? 200;
    this.downloadConcurrency = Math.max(1, options.downloadConcurrency ?? 2);
  }

  /** `data_release` of GET /status, e.g. "Data Release 45.0 - …"; null when the status lacks it. */
  dataRelease(): Promise<string | null> {
    this.release ??= this.http.json({ url: "/status" }).then((response) => stringAt(response.data, "data_release"));
    return this.release;
  }

  /** Every case of a project, sorted by barcode; an unknown project is BAD_USER_INPUT. */
  async cases(projectId: string): Promise<GdcCase[]> {
    const dataRelease = await this.dataRelease();
    const cases: GdcCase[] = [];
    const search = { endpoint: "cases" as const, filters: projectFilter(projectId), fields: GDC_CASE_FIELDS, sort: "submitter_id:asc", pageSize: this.pageSize };
    for await (const hit of gdcHits(this.http, search)) {
      const patient = patientFromGdcCase(hit, { projectId, dataRelease });
      if (patient) cases.push({ caseId: stringAt(hit, "case_id"), patient });
    }
    if (cases.length === 0) throw unknownProject(projectId);
    return cases;
  }

  async *patients(projectId: string): AsyncGenerator<PatientRecord> {
    for (const gdcCase of await this.cases(projectId)) yield gdcCase.patient;
  }

  /** Patient barcode → GDC project id, for the barcodes the GDC has as cases (the others are left out). */
  async projectsOfBarcodes(barcodes: readonly string[]): Promise<Map<string, string>> {
    const projects = new Map<string, string>();
    for (let i = 0; i < barcodes.length; i += this.idBatchSize) {
      const search = { endpoint: "cases" as const, filters: fieldIn("submitter_id", barcodes.slice(i, i + this.idBatchSize)), fields: ["submitter_id", "project.project_id"], sort: "submitter_id:asc", pageSize: this.pageSize };
      for await (const hit of gdcHits(this.http, search)) {
        const barcode = stringAt(hit, "submitter_id");
        const project = stringAt(objectAt(hit, "project"), "project_id");
        if (barcode && project) projects.set(barcode, project);
      }
    }
    return projects;
  }

  /** Patient barcode (submitter_id) → GDC case UUID. */
  async caseIdsByBarcode(projectId: string): Promise<Map<string, string>> {
    return (await this.caseIndex(projectId)).caseIdByBarcode;
  }

  /** Both directions between patient barcodes and GDC case UUIDs (e.g. for /gene_expression columns). */
  async caseIndex(projectId: string): Promise<{ caseIdByBarcode: Map<string, string>; barcodeByCaseId: Map<string, string> }> {
    const caseIdByBarcode = new Map<string, string>();
    const barcodeByCaseId = new Map<string, string>();
    for (const { caseId, patient } of await this.cases(projectId)) {
      if (!caseId) continue;
      caseIdByBarcode.set(patient.id, caseId);
      barcodeByCaseId.set(caseId, patient.id);
    }
    return { caseIdByBarcode, barcodeByCaseId };
  }

  /** Open STAR-Counts files of these patients, every sample type. */
  async expressionFiles(patientIds: readonly string[]): Promise<GdcExpressionFile[]> {
    const files: GdcExpressionFile[] = [];
    for (const batch of batches(patientIds, this.idBatchSize)) {
      const search = { endpoint: "files" as const, filters: starCountsFilter(batch), fields: GDC_FILE_FIELDS, sort: "file_id:asc", pageSize: this.pageSize };
      for await (const hit of gdcHits(this.http, search)) {
        const file = expressionFileOf(hit);
        if (file) files.push(file);
      }
    }
    return files;
  }

  /** Primary-tumour expression of a project's patients (or the given ones), z across them. */
  async expression(request: { projectId: string; patientIds?: readonly string[] } | { patientIds: readonly string[] }): Promise<GdcExpression> {
    const patientIds = request.patientIds ?? (await this.cases((request as { projectId: string }).projectId)).map((c) => c.patient.id);
    const chosen = primaryTumourFiles(await this.expressionFiles(patientIds));
    const matrix = new ExpressionMatrix({ source: "GDC", dataRelease: await this.dataRelease() });
    const files = [...chosen.values()].sort((a, b) => (a.patientId < b.patientId ? -1 : 1));
    const tpms = await inParallel(files, this.downloadConcurrency, (file) => this.readTpms(file));
    files.forEach((file, i) => matrix.addPatient(file.patientId, tpms[i]!, file.fileId));
    return {
      files,
      patientsWithoutExpression: patientIds.filter((id) => !chosen.has(id)),
      undefinedZ: matrix.undefinedZ(),
      records: () => matrix.records(),
    };
  }

  /** Somatic mutations of a project's cases, optionally for some genes only. */
  async *mutations(request: { projectId: string; genes?: readonly string[] }): AsyncGenerator<MutationRecord> {
    await assertGdcProjectHasCases(this.http, request.projectId);
    const genes = request.genes ? new Set(request.genes) : null;
    const filters = allOf(
      fieldIn("case.project.project_id", [request.projectId]),
      ...(genes ? [fieldIn("ssm.consequence.transcript.gene.symbol", [...genes])] : []),
    );
    const search = { endpoint: "ssm_occurrences" as const, filters, fields: GDC_SSM_OCCURRENCE_FIELDS, sort: "ssm_occurrence_id:asc", pageSize: this.pageSize };
    for await (const hit of gdcHits(this.http, search)) yield* mutationsFromSsmOccurrence(hit, genes);
  }

  private async readTpms(file: GdcExpressionFile): Promise<Map<string, number>> {
    const response = await this.http.stream({ url: `/data/${encodeURIComponent(file.fileId)}` });
    try {
      const bySymbol = await tpmBySymbol(parseStarCounts(response.data));
      return new Map([...bySymbol].map(([symbol, entry]) => [symbol, entry.tpm]));
    } catch (error) {
      if (error instanceof PlatformError) throw error;
      throw new UpstreamUnavailableError(`GDC download of STAR-Counts file ${file.fileId} (${file.patientId}) broke off: ${(error as Error).message}`, { fileId: file.fileId });
    }
  }
}

/** Maps with at most `limit` calls in flight; results keep the input order; the first failure wins. */
async function inParallel<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await map(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

