// On-demand radiomic features: stored values for the requested settings when the graph has them,
// otherwise fetch the lesion's image and mask, compute (IBSI), store with full provenance, and return.
// Identical concurrent requests share one computation, which stops only when all of them have gone.
import { checkFilterCombination, filteredFamilies } from "../../compute/features/ibsi-filter-settings.js";
import { computeProfileFeatures, pyradiomicsClasses } from "../../compute/features/profile-features.js";
import type { FeatureSettings } from "../../compute/features/settings.js";
import { FEATURE_FAMILIES, type FeatureFamily, type FeatureResult } from "../../compute/features/types.js";
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { LesionImageSource } from "./lesion-image-source.js";
import type { FeatureComputer } from "./feature-task.js";
import { settingsKey, type SettingsKey } from "./feature-settings-key.js";
import { checkFeatureResources, resourceCapsFromEnv, type ResourceCaps } from "../../compute/features/resource-estimate.js";
import { currentDeadline, throwIfDeadlinePassed } from "../../compute/request-deadline.js";
import { SharedFlight } from "./shared-flight.js";
import { pyradiomicsDiagnosticsOf } from "./pyradiomics-diagnostics-of.js";
import { processVolumePermits, type VolumePermits } from "./volume-permits.js";

export interface FeatureRequest {
  lesionId: string;
  settings: FeatureSettings;
  families?: readonly FeatureFamily[];
}

export interface ComputeOptions {
  /** Called once before anything is computed; throws to refuse (e.g. a keyless read on a server with keys). */
  beforeCompute?: () => void;
}

export class FeatureService {
  private readonly inFlight = new Map<string, SharedFlight<M.LesionFeature[]>>();
  /** Feature writes run one at a time: concurrent writes MERGE the same Feature nodes, which Neo4j answers with deadlocks under load. */
  private writeTail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: GraphStore,
    private readonly images: readonly LesionImageSource[],
    /** Where the computation runs: in-process by default, or a FeatureWorkerPool's `compute`. */
    private readonly compute: FeatureComputer = async (volume, mask, settings, families) => computeProfileFeatures(volume, mask, settings, families),
    private readonly now: () => Date = () => new Date(),
    /** Caps on one computation's grid, matrices and memory (RG_MAX_* environment variables). */
    readonly caps: ResourceCaps = resourceCapsFromEnv(process.env),
    /** Lesions whose image and mask are loaded at once (RG_MAX_LIVE_VOLUMES; shared by the whole process). */
    readonly permits: VolumePermits = processVolumePermits(),
  ) {}

  /** pyradiomics' diagnostics_* of the lesion's image and mask (PYRADIOMICS settings; recomputed, not stored). */
  diagnosticsOf(lesionId: string, settings: FeatureSettings) {
    return pyradiomicsDiagnosticsOf(this.store, this.images, lesionId, settings);
  }

  /** Feature values of one lesion for the settings: from the graph, or computed and stored first. */
  async featuresOf(request: FeatureRequest): Promise<M.LesionFeature[]> {
    return (await this.featuresOfLesions([request.lesionId], request.settings, request.families))[0]!;
  }

  /**
   * The same for many lesions with one store read; lesions without stored values are computed, after
   * `beforeCompute` (which throws when the caller may not write) agreed.
   */
  async featuresOfLesions(lesionIds: readonly string[], settings: FeatureSettings, requested?: readonly FeatureFamily[], options: ComputeOptions = {}): Promise<M.LesionFeature[][]> {
    // In the PYRADIOMICS profile, families are the pyradiomics classes its params file enables.
    // With an IBSI-2 filter, the one family IBSI-2 phase 2 computes on its response map.
    checkFilterCombination(settings);
    const families = settings.profile === "PYRADIOMICS" ? pyradiomicsClasses(settings, requested) as FeatureFamily[] : settings.filter ? filteredFamilies(requested) : this.checkFamilies(requested);
    const key = settingsKey(settings);
    const stored = await this.store.featuresOfLesions(lesionIds, key.hash);
    const covered = lesionIds.map((lesionId) => coveringFamilies(stored.get(lesionId) ?? [], families));
    if (covered.some((values) => values === null)) options.beforeCompute?.();
    return Promise.all(lesionIds.map((lesionId, i) => covered[i] ?? this.computeOnce(lesionId, settings, families)));
  }

  private computeOnce(lesionId: string, settings: FeatureSettings, families: FeatureFamily[]): Promise<M.LesionFeature[]> {
    // A request past its deadline (its sibling fields still resolving) starts no computation.
    throwIfDeadlinePassed();
    const flightKey = `${lesionId}|${settingsKey(settings).hash}|${families.join(",")}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight || flight.abandoned) {
      const started = new SharedFlight(() => this.computeAndStore(lesionId, settings, families));
      void started.settled.then(() => { if (this.inFlight.get(flightKey) === started) this.inFlight.delete(flightKey); });
      this.inFlight.set(flightKey, started);
      flight = started;
    }
    return flight.join();
  }

  private oneWriteAtATime<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writeTail.then(write, write);
    this.writeTail = result.catch(() => undefined);
    return result;
  }

  private checkFamilies(families: readonly FeatureFamily[] | undefined): FeatureFamily[] {
    const chosen = [...new Set(families?.length ? families : FEATURE_FAMILIES)];
    const unknown = chosen.filter((f) => !FEATURE_FAMILIES.includes(f));
    if (unknown.length) throw new BadUserInputError(`unknown feature families: ${unknown.join(", ")}; use ${FEATURE_FAMILIES.join(", ")}`);
    return chosen.sort();
  }

  private async computeAndStore(lesionId: string, settings: FeatureSettings, families: FeatureFamily[]): Promise<M.LesionFeature[]> {
    const [lesion] = await this.store.lesionsByIds([lesionId]);
    if (!lesion) throw new NotFoundError("Lesion", lesionId);
    const source = this.images.find((s) => s.serves(lesion));
    if (!source) throw new BadUserInputError(`no image source serves lesion '${lesionId}' (segmentation ${lesion.segmentationSeriesUid ?? "unknown"}); configure a DICOMweb server or local DICOM folder for its collection`);
    const key = settingsKey(settings);
    const computedAt = this.now().toISOString();
    // The flight's deadline (all waiters gone) cancels the computation (a pool task is terminated) and skips the write.
    const deadline = currentDeadline();
    // Image and mask live only while this lesion holds a volume permit (volume-permits.ts); only the results leave.
    const { results, imageSource } = await this.permits.with(async () => {
      const image = await source.load(lesion);
      checkFeatureResources(image.volume, image.mask, settings, this.caps);
      deadline?.throwIfAborted();
      return { results: await this.compute(image.volume, image.mask, settings, families, deadline?.signal), imageSource: image.source };
    }, deadline?.signal);
    deadline?.throwIfAborted();
    // Re-checked when its turn comes: a write queued behind others must not start after the deadline.
    await this.oneWriteAtATime(() => (deadline?.throwIfAborted(), this.store.saveLesionFeatures(results.map((result) => toRecord(lesionId, result, key, imageSource, computedAt)))));
    const stored = (await this.store.featuresOfLesions([lesionId], key.hash)).get(lesionId) ?? [];
    return coveringFamilies(stored, families) ?? [];
  }
}

/** The values of the requested families when every one of them is present, else null. */
function coveringFamilies(stored: M.LesionFeature[], families: FeatureFamily[]): M.LesionFeature[] | null {
  const wanted = stored.filter((f) => families.includes(f.feature.family as FeatureFamily));
  const present = new Set(wanted.map((f) => f.feature.family));
  return families.every((family) => present.has(family)) ? wanted : null;
}

/** The Feature node holds the definition and settings (shared by lesions); the value, time and image source are the lesion's. */
function toRecord(lesionId: string, result: FeatureResult, key: SettingsKey, imageSource: string, computedAt: string): M.LesionFeatureRecord {
  return {
    lesionId,
    feature: { key: `${result.key}@${key.hash}`, name: result.key, family: result.family, ibsiCode: result.ibsiCode, settingsHash: key.hash, settings: key.canonical, unit: result.unit },
    value: result.value ?? null,
    undefinedReason: result.undefinedReason ?? null,
    computedAt,
    imageSource,
  };
}
