// cBioPortal as a source of normalized records (reference §2): PATIENT clinical data with overall
// survival and every clinical attribute (cbioportal-clinical-attributes.ts), the study's molecular
// profiles, mutations (projection=DETAILED for gene symbols), mRNA values and z-scores of a sample list
// mapped to patient barcodes, and Entrez ↔ HGNC from gene objects.
import { BadUserInputError, UpstreamUnavailableError } from "../../compute/errors.js";
import type { ExpressionRecord, GeneRecord, PatientRecord } from "../../graph-model/model/records.js";
import type { HttpClient, HttpRequest } from "../http/http-client.js";
import { numberAt, objectAt, stringAt } from "../genomics/json-readers.js";
import { log2TpmPlusOne } from "../genomics/log2-tpm.js";
import type { MutationRecord } from "../genomics/mutation-record.js";
import { patientBarcodeOf, sampleKindOf } from "../genomics/tcga-barcode.js";
import type { ClinicalAttributes } from "../clinical/clinical-attribute.js";
import { attributeMetaOf, cbioportalClinicalAttributes } from "./cbioportal-clinical-attributes.js";
import { patientsFromClinicalData } from "./cbioportal-clinical-to-patients.js";
import { mutationRecordOf } from "./cbioportal-mutation-to-record.js";
import {
  expressionProfileOf, isTpmProfile, mutationProfileOf, sampleListOf, zScoreProfileOf, type CbioMolecularProfile,
} from "./cbioportal-profile-choice.js";
import { rethrowCbioportalRejection } from "./cbioportal-rejection.js";

export interface CbioportalStudyOptions {
  /** The TCGA project of the study's patients (from the GDC: cbioportal-study-project.ts). */
  projectId: string | null;
  /** TCIA collection the study's patients belong to; default the project. */
  collectionId?: string;
}

export interface CbioportalExpressionRequest {
  studyId: string;
  /** HGNC symbols. */
  genes: readonly string[];
  /** Defaults: see cbioportal-profile-choice.ts. */
  profileId?: string;
  zScoreProfileId?: string | null;
  sampleListId?: string;
}

export interface CbioportalExpression {
  profileId: string;
  zScoreProfileId: string | null;
  sampleListId: string;
  /** Symbols cBioPortal does not know. */
  unknownGenes: string[];
  /** Primary-tumour samples only. value = log2(x+1) of the profile's value (TPM for `_mrna_seq_tpm`,
   * RSEM for PanCan `_rna_seq_v2_mrna`, then tpm = null); z = cBioPortal's own z-score, if any. */
  records: ExpressionRecord[];
}

const GENES_PER_CALL = 200;

export class CbioportalSource {
  constructor(private readonly http: HttpClient) {}

  /** GET /studies/{id}; an unknown study is BAD_USER_INPUT with cBioPortal's message. */
  async study(studyId: string): Promise<Record<string, unknown>> {
    return (await this.get<Record<string, unknown>>(`/studies/${encodeURIComponent(studyId)}`)) ?? {};
  }

  /** The study's patients with clinical fields and overall survival (clinicalDataType=PATIENT). */
  async patients(studyId: string, options: CbioportalStudyOptions): Promise<PatientRecord[]> {
    const study = await this.study(studyId);
    const { projectId } = options;
    const collectionId = options.collectionId ?? projectId;
    if (!collectionId) throw new BadUserInputError(`cBioPortal study '${studyId}' has no TCGA project: say which collection its patients belong to`, { studyId });
    // clinical-data defaults to SAMPLE attributes, without OS_* (reference §2.5).
    const rows = await this.get<unknown[]>(`/studies/${encodeURIComponent(studyId)}/clinical-data`, { clinicalDataType: "PATIENT", projection: "SUMMARY" });
    const known = await this.patientIds(studyId);
    const dataRelease = stringAt(study, "importDate");
    const patients = patientsFromClinicalData(asArray(rows), { projectId, collectionId, dataRelease }, known);
    const attributes = await this.clinicalAttributes(studyId, asArray(rows), dataRelease);
    return patients.map((p) => ({ ...p, clinicalAttributes: attributes.get(p.id) ?? {} }));
  }

  /** The study's patient ids (GET /studies/{id}/patients). */
  async patientIds(studyId: string): Promise<string[]> {
    const rows = asArray(await this.get<unknown[]>(`/studies/${encodeURIComponent(studyId)}/patients`));
    return rows.map((row) => stringAt(row, "patientId")).filter((id): id is string => id !== null);
  }

  /** The source name clinical attributes of a study are stored under. */
  static attributeSource(studyId: string): string {
    return `cBioPortal ${studyId}`;
  }

  /** Every patient- and primary-sample-level clinical attribute, typed by /clinical-attributes. */
  private async clinicalAttributes(studyId: string, patientRows: unknown[], dataRelease: string | null): Promise<Map<string, ClinicalAttributes>> {
    const study = encodeURIComponent(studyId);
    const meta = attributeMetaOf(asArray(await this.get<unknown[]>(`/studies/${study}/clinical-attributes`)));
    const sampleRows = asArray(await this.get<unknown[]>(`/studies/${study}/clinical-data`, { clinicalDataType: "SAMPLE", projection: "SUMMARY" }));
    return cbioportalClinicalAttributes(patientRows, sampleRows, { source: CbioportalSource.attributeSource(studyId), dataRelease, meta });
  }

  /** Patients of a study, from the `total-count` header of projection=META (reference §2.1). */
  async patientCount(studyId: string): Promise<number> {
    const response = await this.http.json({ url: `/studies/${encodeURIComponent(studyId)}/patients`, query: { projection: "META" } }).catch(rethrowCbioportalRejection);
    const count = Number(Object.entries(response.headers).find(([name]) => name.toLowerCase() === "total-count")?.[1]);
    if (!Number.isInteger(count)) throw new UpstreamUnavailableError("cBioPortal answered projection=META without a total-count header");
    return count;
  }

  async molecularProfiles(studyId: string): Promise<CbioMolecularProfile[]> {
    const rows = asArray(await this.get<unknown[]>(`/studies/${encodeURIComponent(studyId)}/molecular-profiles`));
    return rows.flatMap((row) => {
      const molecularProfileId = stringAt(row, "molecularProfileId");
      return molecularProfileId
        ? [{ molecularProfileId, molecularAlterationType: stringAt(row, "molecularAlterationType") ?? "", datatype: stringAt(row, "datatype") ?? "", name: stringAt(row, "name") }]
        : [];
    });
  }

  async sampleListIds(studyId: string): Promise<string[]> {
    const rows = asArray(await this.get<unknown[]>(`/studies/${encodeURIComponent(studyId)}/sample-lists`));
    return rows.map((row) => stringAt(row, "sampleListId")).filter((id): id is string => id !== null);
  }

  /** Gene records for HGNC symbols or Entrez ids; unknown ones are left out (reference §2.8). */
  async genes(ids: { symbols: readonly string[] } | { entrezIds: readonly number[] }): Promise<GeneRecord[]> {
    const bySymbol = "symbols" in ids;
    const body = bySymbol ? [...ids.symbols] : ids.entrezIds.map(String);
    if (body.length === 0) return [];
    const rows = asArray(await this.post<unknown[]>("/genes/fetch", body, { geneIdType: bySymbol ? "HUGO_GENE_SYMBOL" : "ENTREZ_GENE_ID" }));
    return rows.flatMap((row) => {
      const symbol = stringAt(row, "hugoGeneSymbol");
      return symbol ? [{ symbol, entrezId: numberAt(row, "entrezGeneId") }] : [];
    });
  }

  /** Mutations of the study's sequenced samples, optionally of some genes (HGNC symbols). */
  async mutations(request: { studyId: string; genes?: readonly string[]; sampleListId?: string }): Promise<MutationRecord[]> {
    const profile = mutationProfileOf(request.studyId, await this.molecularProfiles(request.studyId));
    const sampleListId = request.sampleListId ?? sampleListOf(request.studyId, await this.sampleListIds(request.studyId), ["sequenced", "all"]);
    const genes = request.genes ? await this.genes({ symbols: request.genes }) : null;
    const filter = { sampleListId, ...(genes ? { entrezGeneIds: genes.map((g) => g.entrezId) } : {}) };
    if (genes && genes.length === 0) return [];
    // The gene object (symbol) is only filled with projection=DETAILED (reference §2.7).
    const rows = asArray(await this.post<unknown[]>(`/molecular-profiles/${encodeURIComponent(profile.molecularProfileId)}/mutations/fetch`, filter, { projection: "DETAILED" }));
    const symbolOf = new Map((genes ?? []).map((g) => [g.entrezId!, g.symbol]));
    return rows.map((row) => mutationRecordOf(row, symbolOf)).filter((record): record is MutationRecord => record !== null);
  }

  /** mRNA values and z-scores of a sample list for some genes, per patient's primary tumour. */
  async expression(request: CbioportalExpressionRequest): Promise<CbioportalExpression> {
    const profiles = await this.molecularProfiles(request.studyId);
    const profile = request.profileId ? profileById(profiles, request.profileId) : expressionProfileOf(request.studyId, profiles);
    const zProfile = request.zScoreProfileId === null ? null : request.zScoreProfileId ? profileById(profiles, request.zScoreProfileId) : zScoreProfileOf(profiles, profile);
    const sampleListId = request.sampleListId ?? sampleListOf(request.studyId, await this.sampleListIds(request.studyId), ["rna_seq_v2_mrna", "mrna_seq_tpm", "all"]);
    const genes = await this.genes({ symbols: request.genes });
    const known = new Set(genes.map((g) => g.symbol));
    const unknownGenes = request.genes.filter((symbol) => !known.has(symbol));
    if (genes.length === 0) return { profileId: profile.molecularProfileId, zScoreProfileId: zProfile?.molecularProfileId ?? null, sampleListId, unknownGenes, records: [] };
    const filter = { entrezGeneIds: genes.map((g) => g.entrezId), sampleListId };
    const values = await this.molecularData(profile.molecularProfileId, filter);
    const zScores = zProfile ? await this.molecularData(zProfile.molecularProfileId, filter) : [];
    const zOf = new Map(zScores.map((d) => [`${d.sampleId}|${d.entrezId}`, d.value]));
    const symbolOf = new Map(genes.map((g) => [g.entrezId!, g.symbol]));
    const tpm = isTpmProfile(profile);
    const provenance = { source: "cBioPortal", dataRelease: await this.importDate(request.studyId), sourceFile: profile.molecularProfileId };
    const records = values
      .filter((d) => sampleKindOf(d.sampleId) === "primary-tumour")
      .map((d) => ({
        patientId: patientBarcodeOf(d.patientId ?? d.sampleId),
        geneSymbol: d.symbol ?? symbolOf.get(d.entrezId)!,
        value: log2TpmPlusOne(d.value),
        tpm: tpm ? d.value : null,
        z: zOf.get(`${d.sampleId}|${d.entrezId}`) ?? null,
        ...provenance,
      }));
    return { profileId: profile.molecularProfileId, zScoreProfileId: zProfile?.molecularProfileId ?? null, sampleListId, unknownGenes, records };
  }

  /** The study's importDate: the data version cBioPortal exposes (null when missing). */
  private async importDate(studyId: string): Promise<string | null> {
    const importDate = (await this.study(studyId)).importDate;
    return typeof importDate === "string" ? importDate : null;
  }

  /** Genes go in batches to keep payloads manageable (reference §2.6). */
  private async molecularData(profileId: string, filter: { entrezGeneIds: (number | null | undefined)[]; sampleListId: string }) {
    const rows: unknown[] = [];
    for (let i = 0; i < filter.entrezGeneIds.length; i += GENES_PER_CALL) {
      const batch = { ...filter, entrezGeneIds: filter.entrezGeneIds.slice(i, i + GENES_PER_CALL) };
      rows.push(...asArray(await this.post<unknown[]>(`/molecular-profiles/${encodeURIComponent(profileId)}/molecular-data/fetch`, batch, { projection: "DETAILED" })));
    }
    return rows.flatMap((row) => {
      const sampleId = stringAt(row, "sampleId");
      const entrezId = numberAt(row, "entrezGeneId");
      const value = numberAt(row, "value");
      if (sampleId === null || entrezId === null || value === null) return [];
      return [{ sampleId, entrezId, value, patientId: stringAt(row, "patientId"), symbol: stringAt(objectAt(row, "gene"), "hugoGeneSymbol") }];
    });
  }

  private async get<T>(url: string, query?: HttpRequest["query"]): Promise<T | null> {
    return (await this.http.json<T>({ url, query }).catch(rethrowCbioportalRejection)).data;
  }

  private async post<T>(url: string, body: unknown, query?: HttpRequest["query"]): Promise<T | null> {
    return (await this.http.json<T>({ url, method: "POST", body, query }).catch(rethrowCbioportalRejection)).data;
  }
}

function profileById(profiles: readonly CbioMolecularProfile[], id: string): CbioMolecularProfile {
  const profile = profiles.find((p) => p.molecularProfileId === id);
  if (!profile) throw new BadUserInputError(`cBioPortal: molecular profile '${id}' is not in this study`, { profileId: id });
  return profile;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new UpstreamUnavailableError("cBioPortal answered a list endpoint with something other than a JSON array");
}
