// Feature → mutation status for a cohort: which radiomic features tell a gene's mutated tumours from
// wild-type ones. Per feature × gene: Mann–Whitney U with two-sided p and AUC (compute/stats), BH q over
// the analysis; stored as an Analysis with PREDICTS links and full provenance. The same question twice
// (same profiled patients, settings, genes and mutation calls) is answered from the graph.
import { createHash } from "node:crypto";
import { BadUserInputError } from "../../compute/errors.js";
import { benjaminiHochberg, mannWhitneyMatrix, matrix, type Matrix } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { FeatureService } from "../features/feature-service.js";
import { settingsKey } from "../features/feature-settings-key.js";
import type { AssociationRequest } from "./association-request.js";
import { featureMatrix, firstLesionPerPatient } from "./lesion-feature-matrix.js";

const MIN_PATIENTS = 10;
const MIN_GROUP_SIZE = 5;

/** The method, recorded with every mutation analysis. */
export const MUTATION_ASSOCIATION_METHOD = {
  test: "Mann–Whitney U, two-sided p (exact without ties when a group has ≤ 8 values, else normal approximation with tie and continuity correction, as scipy.stats.mannwhitneyu)",
  auc: "U of the mutated group / (nMutated · nWildType): the probability a mutated tumour's value ranks above a wild-type one's",
  profiled: "a patient counts as profiled when the graph holds at least one somatic mutation call for them (the ingest stores calls, not their absence); patients without any call are left out, neither mutated nor wild type",
  mutated: "a profiled patient with at least one call in the gene, whatever its consequence; wild type: a profiled patient with none",
  missingValues: "a feature undefined for a lesion leaves that patient out of that feature's tests only; a test whose groups then fall below the minimum group size is not run and not counted",
  multipleTesting: "Benjamini–Hochberg over every test run in the analysis",
  lesionPerPatient: "the patient's first segmented lesion by lesion id",
} as const;

interface GeneGroups {
  genes: string[];
  /** genes × patients: 1 mutated, 0 wild type. */
  groupings: Matrix;
  sizes: Record<string, { mutated: number; wildType: number }>;
}

export class MutationAssociationService {
  constructor(
    private readonly store: GraphStore,
    private readonly features: FeatureService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(request: AssociationRequest): Promise<M.Analysis> {
    const minGroupSize = request.minGroupSize ?? MIN_GROUP_SIZE;
    const minPatients = Math.max(request.minPatients ?? MIN_PATIENTS, 2 * minGroupSize);
    const lesions = firstLesionPerPatient(await this.store.lesionsOfPatients(request.cohort));
    if (!lesions.length) throw new BadUserInputError("the cohort has 0 patients with a segmented lesion", { patients: 0 });
    const calls = await this.store.mutationsOfPatients(lesions.map((l) => l.patientId));
    const profiled = lesions.filter((l) => (calls.get(l.patientId)?.length ?? 0) > 0);
    if (profiled.length < minPatients)
      throw new BadUserInputError(
        `the cohort has ${profiled.length} profiled patients (a segmented lesion and mutation calls); the analysis needs at least ${minPatients}`,
        { patients: lesions.length, profiled: profiled.length },
      );
    const patientIds = profiled.map((l) => l.patientId);
    const groups = await this.geneGroups(patientIds, calls, request.targetKeys, minGroupSize);
    const settings = settingsKey(request.settings);
    const dataVersion = mutationVersion(patientIds, calls);
    const id = analysisId(request, settings.hash, patientIds, dataVersion, minGroupSize, minPatients);
    const cached = await this.store.analysisById(id);
    if (cached) return cached;

    const lists = await this.features.featuresOfLesions(profiled.map((l) => l.id), request.settings, request.families);
    const { keys: featureKeys, values } = featureMatrix(lists);
    const links = predictionRecords(id, featureKeys, groups.genes, mannWhitneyMatrix(values, groups.groupings, { minGroupSize }));
    const analysis: M.AnalysisRecord = {
      id,
      kind: "MUTATIONS",
      params: {
        cohort: request.cohort, settings: settings.canonical, settingsHash: settings.hash, families: request.families ?? "all",
        targetKeys: groups.genes, groups: groups.sizes, minPatients, minGroupSize, method: MUTATION_ASSOCIATION_METHOD,
        patients: lesions.length, profiledPatients: profiled.length, features: featureKeys.length, tests: links.length,
      },
      dataVersion,
      createdAt: this.now().toISOString(),
      ...(request.cohortId ? { cohortId: request.cohortId } : {}),
    };
    await this.store.savePredictionAnalysis(analysis, links);
    return (await this.store.analysisById(id))!;
  }

  /** The genes to test and each profiled patient's status; requested genes are checked, the default is every gene with both groups large enough. */
  private async geneGroups(patientIds: string[], calls: Map<string, M.Mutation[]>, requested: string[] | undefined, minGroupSize: number): Promise<GeneGroups> {
    const mutated = new Map<string, Set<string>>();
    for (const patientId of patientIds)
      for (const call of calls.get(patientId) ?? []) {
        if (!mutated.has(call.geneSymbol)) mutated.set(call.geneSymbol, new Set());
        mutated.get(call.geneSymbol)!.add(patientId);
      }
    const count = (gene: string) => mutated.get(gene)?.size ?? 0;
    const largeEnough = (gene: string) => count(gene) >= minGroupSize && patientIds.length - count(gene) >= minGroupSize;
    let genes: string[];
    if (requested?.length) {
      genes = [...new Set(requested)].sort();
      await this.requireKnownGenes(genes);
      const small = genes.filter((g) => !largeEnough(g));
      if (small.length)
        throw new BadUserInputError(
          `too few patients in a group: ${small.slice(0, 10).map((g) => `${g} (${count(g)} mutated, ${patientIds.length - count(g)} wild type)`).join(", ")}; each group needs at least ${minGroupSize} profiled patients`,
          { genes: small, minGroupSize },
        );
    } else {
      genes = [...mutated.keys()].filter(largeEnough).sort();
      if (!genes.length) throw new BadUserInputError(`no gene has at least ${minGroupSize} mutated and ${minGroupSize} wild-type profiled patients in this cohort`, { profiled: patientIds.length, minGroupSize });
    }
    const data = new Float64Array(genes.length * patientIds.length);
    genes.forEach((gene, g) => patientIds.forEach((p, j) => (data[g * patientIds.length + j] = mutated.get(gene)?.has(p) ? 1 : 0)));
    const sizes = Object.fromEntries(genes.map((g) => [g, { mutated: count(g), wildType: patientIds.length - count(g) }]));
    return { genes, groupings: matrix(genes.length, patientIds.length, data), sizes };
  }

  private async requireKnownGenes(symbols: string[]): Promise<void> {
    const known = new Set((await this.store.genesBySymbols(symbols)).map((g) => g.symbol));
    const unknown = symbols.filter((s) => !known.has(s));
    if (unknown.length) throw new BadUserInputError(`unknown gene symbols: ${unknown.slice(0, 10).join(", ")}`, { unknown });
  }
}

function predictionRecords(id: string, featureKeys: string[], genes: string[], result: ReturnType<typeof mannWhitneyMatrix>): M.PredictionRecord[] {
  const { q } = benjaminiHochberg(result.p); // cells not run have NaN p and drop out of the family
  const links: M.PredictionRecord[] = [];
  for (let i = 0; i < featureKeys.length; i++)
    for (let j = 0; j < genes.length; j++) {
      const c = i * genes.length + j;
      if (result.status[c] !== 0) continue;
      const nMutated = result.n1[c]!;
      const nWildType = result.n2[c]!;
      links.push({ featureKey: featureKeys[i]!, geneSymbol: genes[j]!, analysisId: id, auc: result.auc[c]!, u: result.u[c]!, p: result.p[c]!, q: q[c]!, n: nMutated + nWildType, nMutated, nWildType });
    }
  return links;
}

/** The mutation calls the analysis read: how many, from which sources, and a digest of them. */
function mutationVersion(patientIds: string[], calls: Map<string, M.Mutation[]>): Record<string, unknown> {
  const lines = patientIds.flatMap((p) => (calls.get(p) ?? []).map((m) => `${p}|${m.geneSymbol}|${m.proteinChange}|${m.source ?? ""}`)).sort();
  const sources = [...new Set(patientIds.flatMap((p) => (calls.get(p) ?? []).map((m) => m.source ?? "unknown")))].sort();
  return { mutationCalls: lines.length, mutationSources: sources, mutationDigest: createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16) };
}

function analysisId(request: AssociationRequest, settingsHash: string, patientIds: string[], dataVersion: Record<string, unknown>, minGroupSize: number, minPatients: number): string {
  // A saved cohort is part of the question (its provenance), as in the correlation analyses.
  const text = JSON.stringify({ ...(request.cohortId ? { cohortId: request.cohortId } : {}), targets: "MUTATIONS", keys: request.targetKeys?.length ? [...new Set(request.targetKeys)].sort() : null, families: [...(request.families ?? [])].sort(), settingsHash, patientIds, dataVersion, minGroupSize, minPatients });
  return `assoc-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
