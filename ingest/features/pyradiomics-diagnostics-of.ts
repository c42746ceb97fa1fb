// pyradiomics' diagnostics_* of a lesion for PYRADIOMICS settings: the lesion's image and mask loaded from
// its image source, then compute/features/pyradiomics-diagnostics.ts. Not stored: recomputed on request
// (one pass over image and mask, no filtering).
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import { pyradiomicsDiagnostics, type DiagnosticValue } from "../../compute/features/pyradiomics-diagnostics.js";
import { pyradiomicsProfileOf } from "../../compute/features/profile-features.js";
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { platformVersion } from "../cohorts/platform-version.js";
import type { LesionImageSource } from "./lesion-image-source.js";

export async function pyradiomicsDiagnosticsOf(
  store: GraphStore, images: readonly LesionImageSource[], lesionId: string, settings: FeatureSettings,
): Promise<Record<string, DiagnosticValue>> {
  if (settings.profile !== "PYRADIOMICS") throw new BadUserInputError("diagnostics_* are pyradiomics' provenance: use profile PYRADIOMICS with pyradiomicsParams");
  const profile = pyradiomicsProfileOf(settings);
  const [lesion] = await store.lesionsByIds([lesionId]);
  if (!lesion) throw new NotFoundError("Lesion", lesionId);
  const source = images.find((s) => s.serves(lesion));
  if (!source) throw new BadUserInputError(`no image source serves lesion '${lesionId}'`);
  const { volume, mask } = await source.load(lesion);
  return pyradiomicsDiagnostics(volume, mask, profile, platformVersion());
}
