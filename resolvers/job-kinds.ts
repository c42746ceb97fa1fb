// Every kind of job the API submits, by the mutation that submits it: the API-key scope it needs and how
// its arguments build the job. The mutation and resumeJob (after a restart) build through the same
// entry, from the same JSON copy of the arguments, so a resumed job is the job that was interrupted.
// A new job-submitting mutation adds its line here and submits with `submitJobOfKind`.
import type { FeatureFamily } from "../compute/features/types.js";
import { cbioportalIngestJob, type CbioportalStep } from "../ingest/cbioportal/cbioportal-ingest-job.js";
import { associationJob } from "../ingest/analysis/association-job.js";
import type { AssociationTargets } from "../ingest/analysis/association-request.js";
import { harmonisationJob } from "../ingest/analysis/harmonisation-job.js";
import { survivalCvJob } from "../ingest/analysis/survival-cv-job.js";
import { survivalJob } from "../ingest/analysis/survival-job.js";
import { requestModelRunners } from "../ingest/analysis/request-model-runners.js";
import { signatureCvJob } from "../ingest/analysis/signature-cv-job.js";
import { signatureFitJob } from "../ingest/analysis/signature-fit-job.js";
import type { SignatureRequest } from "../ingest/analysis/signature-request.js";
import { SignatureService } from "../ingest/analysis/signature-service.js";
import type { ClinicalCovariate, SurvivalEndpoint, SurvivalKind } from "../ingest/analysis/survival-request.js";
import { SurvivalService } from "../ingest/analysis/survival-service.js";
import { imagingIngestJob } from "../ingest/dicomweb/imaging-ingest-job.js";
import { cohortFeatureJob } from "../ingest/features/feature-job.js";
import { gdcIngestJob, type GdcStep } from "../ingest/gdc/gdc-ingest-job.js";
import type { JobDefinition, JobSnapshot } from "../ingest/jobs/job.js";
import { reactomeIngestJob } from "../ingest/pathways/reactome-ingest-job.js";
import type { FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { GenomicSourceEnum } from "../schema/ingest.types.js";
import type { PatientFilterInput } from "../schema/patient-filter.input.js";
import type { HarmonisationBatchBy, PreservedCovariateInput } from "../schema/harmonisation.type.js";
import type { Scope } from "./api-keys.js";
import type { RequestContext, Services } from "./context.js";
import { toFeatureSettings } from "./feature-settings.mapping.js";

type JobServices = Pick<Services, "store" | "features" | "genomics" | "imaging" | "modelPool">;

export interface JobKind<A> {
  /** The scope the submitting mutation requires (and so does resuming it). */
  readonly scope: Scope;
  /** `distributed`: the job goes to the distributed engine (split finer where the kind can: one task per CV step). */
  build(services: JobServices, args: A, distributed?: boolean): Promise<JobDefinition<unknown>>;
}

interface ComputeFeaturesArgs { cohort?: PatientFilterInput; settings?: FeatureSettingsInput; families?: string[] }
interface IngestGenomicsArgs { source: GenomicSourceEnum; project: string; steps?: string[]; genes?: string[]; collection?: string }
interface IngestReactomeArgs { genes: string[]; resource: string; release?: string }
interface StartHarmonisationArgs {
  name: string; cohort?: PatientFilterInput; cohortId?: string; settings?: FeatureSettingsInput; families?: string[];
  batchBy: HarmonisationBatchBy; binEdges?: number[]; covariates?: PreservedCovariateInput[]; parametric: boolean; meanOnly: boolean; dropIncomplete: boolean;
}
interface StartSurvivalAnalysisArgs {
  kind: string; endpoint: string; cohort?: PatientFilterInput; cohortId?: string; settings?: FeatureSettingsInput; families?: string[]; harmonisationId?: string;
  groupBy?: string; splitFeature?: string; features?: string[]; genes?: string[]; pathway?: string; clinical?: string[];
  seed: number; folds?: number; l1Ratio?: number; penalizers?: number[]; bootstrapSamples?: number;
}
interface StartAssociationArgs {
  cohort?: PatientFilterInput; cohortId?: string; settings?: FeatureSettingsInput; families?: string[]; targets: string; targetKeys?: string[];
  minPatients?: number; expressionSource?: string; batchTests: number;
}
interface IngestImagingArgs { collection: string; patientIds: string[]; modalities?: string[]; studyDate?: string }

const kind = <A>(scope: Scope, build: JobKind<A>["build"]): JobKind<A> => ({ scope, build });

export const JOB_KINDS = {
  computeFeatures: kind<ComputeFeaturesArgs>("compute", (s, a) =>
    cohortFeatureJob(s.store, s.features, { filter: { ...a.cohort }, settings: toFeatureSettings(a.settings), families: a.families as FeatureFamily[] | undefined })),
  ingestGenomics: kind<IngestGenomicsArgs>("ingest", (s, a) =>
    a.source === GenomicSourceEnum.CBIOPORTAL
      ? cbioportalIngestJob(s.store, s.genomics, { studyId: a.project, collectionId: a.collection, steps: a.steps as CbioportalStep[] | undefined, genes: a.genes })
      : gdcIngestJob(s.store, s.genomics.gdc, s.genomics.gdcHttp, { projectId: a.project, steps: a.steps as GdcStep[] | undefined, genes: a.genes })),
  ingestReactomePathways: kind<IngestReactomeArgs>("ingest", (s, a) =>
    reactomeIngestJob(s.store, s.genomics.reactome, { identifiers: a.genes, resource: a.resource, release: a.release })),
  ingestImaging: kind<IngestImagingArgs>("ingest", async (s, a) =>
    imagingIngestJob(s.store, s.imaging, { collectionId: a.collection, patientIds: a.patientIds, modalities: a.modalities, studyDate: a.studyDate })),
  startHarmonisation: kind<StartHarmonisationArgs>("analysis", (s, a) =>
    harmonisationJob(s.store, (signal) => requestModelRunners(s.modelPool, signal).combat, {
      name: a.name, cohort: { ...a.cohort }, cohortId: a.cohortId, settings: toFeatureSettings(a.settings), families: a.families as FeatureFamily[] | undefined,
      batch: { by: a.batchBy, ...(a.binEdges ? { binEdges: a.binEdges } : {}) }, covariates: (a.covariates ?? []).map((c) => ({ name: c.name, kind: c.kind })),
      parametric: a.parametric, meanOnly: a.meanOnly, dropIncomplete: a.dropIncomplete,
    })),
  startSurvivalAnalysis: kind<StartSurvivalAnalysisArgs>("analysis", async (s, a, distributed) => {
    const prepared = await new SurvivalService(s.store, undefined, requestModelRunners(s.modelPool)).prepare({
      kind: a.kind as SurvivalKind, endpoint: a.endpoint as SurvivalEndpoint, cohort: { ...a.cohort }, cohortId: a.cohortId, settings: toFeatureSettings(a.settings),
      families: a.families as FeatureFamily[] | undefined, harmonisationId: a.harmonisationId, groupBy: a.groupBy, splitFeature: a.splitFeature, features: a.features, genes: a.genes, pathway: a.pathway,
      clinical: a.clinical as ClinicalCovariate[] | undefined, seed: a.seed, folds: a.folds, l1Ratio: a.l1Ratio, penalizers: a.penalizers, bootstrapSamples: a.bootstrapSamples,
    });
    // Distributed: PENALISED_COX one task per CV fold (+ the final CV), the other kinds one task.
    return distributed ? survivalCvJob(s.store, prepared, (signal) => requestModelRunners(s.modelPool, signal)) : survivalJob(prepared);
  }),
  startAssociation: kind<StartAssociationArgs>("analysis", (s, a) =>
    associationJob(s.store, s.features, {
      cohort: { ...a.cohort }, cohortId: a.cohortId, settings: toFeatureSettings(a.settings), families: a.families as FeatureFamily[] | undefined,
      targets: a.targets as AssociationTargets, targetKeys: a.targetKeys, minPatients: a.minPatients, expressionSource: a.expressionSource, batchTests: a.batchTests,
    })),
  // Takes the SignatureRequest the resolver made of its arguments (signatureRequestOf).
  startSignatureFit: kind<SignatureRequest>("analysis", async (s, request, distributed) =>
    distributed
      ? signatureCvJob(s.store, new SignatureService(s.store), (signal) => requestModelRunners(s.modelPool, signal), request) // one task per CV step
      : signatureFitJob((signal) => new SignatureService(s.store, undefined, requestModelRunners(s.modelPool, signal).nestedCrossValidatedLogistic), request)),
} as const;

export type JobKindName = keyof typeof JOB_KINDS;
type ArgsOf<K extends JobKindName> = (typeof JOB_KINDS)[K] extends JobKind<infer A> ? A : never;

export function jobKindOf(name: string): JobKind<unknown> | undefined {
  return Object.hasOwn(JOB_KINDS, name) ? (JOB_KINDS[name as JobKindName] as JobKind<unknown>) : undefined;
}

/** The scopes that submit some kind of job: resumeJob needs a key with one of them before it says anything. */
export const JOB_SCOPES: readonly Scope[] = [...new Set(Object.values(JOB_KINDS).map((k) => k.scope))];

/** Builds the job of a mutation from (a JSON copy of) its arguments, submits it and journals it. */
export async function submitJobOfKind<K extends JobKindName>(ctx: RequestContext, name: K, args: ArgsOf<K>, jobId?: string): Promise<JobSnapshot> {
  const plain = JSON.parse(JSON.stringify(args)) as ArgsOf<K>;
  const entry = JOB_KINDS[name] as JobKind<ArgsOf<K>>;
  const built = await entry.build(ctx, plain, ctx.jobs.distributes(name));
  // A resumed job keeps its id, whatever the upstream release says now: its checkpoint is under it.
  const job = jobId === undefined ? built : { ...built, id: jobId };
  // The same question while its job is queued or running gets that job (the mutation is idempotent).
  const running = await ctx.jobs.lookup(job.id);
  if (running && (running.status === "QUEUED" || running.status === "RUNNING")) return running;
  const handle = ctx.jobs.submit(job, { kind: name, args: plain, scope: entry.scope, keyId: ctx.authority.open ? undefined : ctx.authority.caller()?.id });
  await handle.journaled;
  // Nothing to do (a stored answer): the client gets the finished job, not a QUEUED one to poll.
  if (Array.isArray(job.items) && job.items.length === 0) await handle.result;
  return (await ctx.jobs.lookup(handle.id))!;
}
