// Messages between the feature pool and its workers (structured-cloned; pixel buffers transferred).
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { FeatureFamily, FeatureResult } from "../../compute/features/types.js";
import type { ErrorCode } from "../../compute/errors.js";
import type { Mask, Volume } from "../../compute/image/volume.js";

export interface FeatureTask {
  id: number;
  volume: Volume;
  mask: Mask;
  settings: FeatureSettings;
  families: readonly FeatureFamily[];
}

export type FeatureTaskResult =
  | { id: number; results: FeatureResult[]; error?: never }
  | { id: number; results?: never; error: { code: ErrorCode; message: string; details: Record<string, unknown> } };

/** Computes features for one lesion image, in-process or on a worker; an aborted signal cancels the task. */
export type FeatureComputer = (volume: Volume, mask: Mask, settings: FeatureSettings, families: readonly FeatureFamily[], signal?: AbortSignal) => Promise<FeatureResult[]>;
