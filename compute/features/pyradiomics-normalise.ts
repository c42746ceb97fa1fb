// pyradiomics' normalizeImage (settings normalize, normalizeScale, removeOutliers), applied to the whole
// image before anything else: SimpleITK's Normalize, (x − mean) / σ with σ from the unbiased variance
// (1/(N−1), StatisticsImageFilter), then values clipped to ±removeOutliers, then × normalizeScale; Float64 as SimpleITK.
import type { Volume } from "../image/volume.js";
import type { PyradiomicsExtractionSettings } from "./pyradiomics-params.js";

export function pyradiomicsNormalise(volume: Volume, settings: Pick<PyradiomicsExtractionSettings, "normalize" | "normalizeScale" | "removeOutliers">): Volume {
  if (!settings.normalize) return volume;
  const x = volume.data, n = x.length;
  let sum = 0;
  for (let v = 0; v < n; v++) sum += x[v]!;
  const mean = sum / n;
  let squares = 0;
  for (let v = 0; v < n; v++) squares += (x[v]! - mean) ** 2;
  const sigma = Math.sqrt(squares / (n - 1));
  const out = new Float64Array(n);
  const limit = settings.removeOutliers ?? Infinity;
  for (let v = 0; v < n; v++) out[v] = Math.min(limit, Math.max(-limit, (x[v]! - mean) / sigma)) * settings.normalizeScale;
  return { geometry: volume.geometry, data: out };
}
