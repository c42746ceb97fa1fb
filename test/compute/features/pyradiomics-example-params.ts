// pyradiomics 3.0.1's example params files (fixtures/pyradiomics-params, see SOURCE.md) and their Original-image
// part: the LoG / Wavelet image types dropped and `shape:` limited to the non-mesh features, the same edit as
// scripts/fixtures/pyradiomics-resample.py makes before asking pyradiomics for reference values.
import { readFileSync } from "node:fs";
import path from "node:path";

export const EXAMPLE_PARAMS_DIR = path.join(import.meta.dirname, "fixtures/pyradiomics-params");

export function exampleParams(name: string): string {
  return readFileSync(path.join(EXAMPLE_PARAMS_DIR, name), "utf8");
}

const SUPPORTED_SHAPE = "shape: ['VoxelVolume', 'Maximum3DDiameter', 'Maximum2DDiameterSlice', 'Maximum2DDiameterColumn', 'Maximum2DDiameterRow', 'MajorAxisLength', 'MinorAxisLength', 'LeastAxisLength', 'Elongation', 'Flatness']";

export function originalOnly(text: string): string {
  return text.replace(/^ {2}LoG:\n(?: {4}#.*\n)* {4}sigma: .*\n/m, "").replace(/^ {2}Wavelet: \{\}\n/m, "").replace(/^ {2}shape:\n/m, `  ${SUPPORTED_SHAPE}\n`);
}

/** The resampling reference (scripts/fixtures/pyradiomics-resample.py): input volume, label map and pyradiomics' values per case. */
export interface ResampleReference {
  readonly versions: Record<string, string>;
  readonly input: { size: [number, number, number]; spacing: [number, number, number]; origin: [number, number, number]; image: number[]; mask: number[] };
  readonly cases: readonly { name: string; params: string; features: Record<string, number> }[];
}
export const resampleReference = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-resample-features.json"), "utf8")) as ResampleReference;
