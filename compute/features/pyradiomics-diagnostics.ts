// pyradiomics' `diagnostics_*` provenance (radiomics/generalinfo.py, additionalInfo: true) for one image
// and mask, with pyradiomics' keys: Versions_*, Configuration_Settings / _EnabledImageTypes,
// Image-original_* (Hash, Dimensionality, Spacing, Size, Mean, Minimum, Maximum) and Mask-original_* (Hash,
// Spacing, Size, BoundingBox, VoxelNum, VolumeNum, CenterOfMassIndex, CenterOfMass) of the params' label.
// Sizes, spacing, bounding box, voxel and component counts and centres of mass equal pyradiomics'. The
// hashes are SHA-1 like sitk.Hash but of this platform's buffers (Float32 image, one byte per mask voxel,
// where SimpleITK hashes its own pixel types), so they identify the input here, not across tools.
// Versions name this platform and the pyradiomics version it follows; there is no numpy/SimpleITK/PyWavelets.
import { createHash } from "node:crypto";
import type { Mask, Volume } from "../image/volume.js";
import { voxelToPatient } from "../image/volume.js";
import type { PyradiomicsProfile } from "./pyradiomics-params.js";

export type DiagnosticValue = string | number | readonly number[] | Readonly<Record<string, unknown>>;

const PREFIX = "diagnostics_";

function sha1(bytes: ArrayBufferView): string {
  return createHash("sha1").update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).digest("hex");
}

/** Mean, minimum and maximum over every voxel (numpy.mean in double). */
function imageStatistics(data: ArrayLike<number>): { mean: number; minimum: number; maximum: number } {
  let sum = 0, minimum = Infinity, maximum = -Infinity;
  for (let v = 0; v < data.length; v++) {
    const x = data[v]!;
    sum += x;
    if (x < minimum) minimum = x;
    if (x > maximum) maximum = x;
  }
  return { mean: sum / data.length, minimum, maximum };
}

/** Number of 26-connected components of the label (ConnectedComponentImageFilter, FullyConnectedOn). */
function componentCount(mask: Mask, label: number): number {
  const [nx, ny, nz] = mask.geometry.size;
  const seen = new Uint8Array(mask.data.length);
  const stack: number[] = [];
  let count = 0;
  for (let start = 0; start < mask.data.length; start++) {
    if (mask.data[start] !== label || seen[start]) continue;
    count++;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const v = stack.pop()!;
      const i = v % nx, j = Math.floor(v / nx) % ny, k = Math.floor(v / (nx * ny));
      for (let dk = -1; dk <= 1; dk++) for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
        const a = i + di, b = j + dj, c = k + dk;
        if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
        const w = a + nx * (b + ny * c);
        if (mask.data[w] === label && !seen[w]) { seen[w] = 1; stack.push(w); }
      }
    }
  }
  return count;
}

/** BoundingBox [x, y, z, size x, size y, size z], voxel count and mean index (x, y, z) of the label. */
function labelGeometry(mask: Mask, label: number) {
  const [nx, ny] = mask.geometry.size;
  const lower = [Infinity, Infinity, Infinity], upper = [-Infinity, -Infinity, -Infinity], sum = [0, 0, 0];
  let count = 0;
  for (let v = 0; v < mask.data.length; v++) {
    if (mask.data[v] !== label) continue;
    const ijk = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    count++;
    for (let a = 0; a < 3; a++) { lower[a] = Math.min(lower[a]!, ijk[a]!); upper[a] = Math.max(upper[a]!, ijk[a]!); sum[a]! += ijk[a]!; }
  }
  return { boundingBox: [...lower, ...upper.map((u, a) => u - lower[a]! + 1)], count, centre: sum.map((s) => s / count) as [number, number, number] };
}

/** The diagnostics pyradiomics writes for this image, mask (label values) and params; none with additionalInfo: false. */
export function pyradiomicsDiagnostics(volume: Volume, mask: Mask, profile: PyradiomicsProfile, platformVersion: string): Record<string, DiagnosticValue> {
  if (!profile.settings.additionalInfo) return {};
  const label = profile.settings.label;
  const image = imageStatistics(volume.data);
  const roi = labelGeometry(mask, label);
  const g = mask.geometry;
  // TransformContinuousIndexToPhysicalPoint: origin + direction · (index · spacing), linear in the index.
  const centreMm = voxelToPatient(g, ...roi.centre);
  const d: Record<string, DiagnosticValue> = {
    Versions_PyRadiomics: "v3.0.1 (followed by radiogenomics)",
    Versions_Radiogenomics: platformVersion,
    Configuration_Settings: { ...profile.settings },
    Configuration_EnabledImageTypes: Object.fromEntries(profile.imageTypes.map((t) => [t.name, { ...t.filter }])),
    "Image-original_Hash": sha1(volume.data),
    "Image-original_Dimensionality": "3D",
    "Image-original_Spacing": [...volume.geometry.spacing],
    "Image-original_Size": [...volume.geometry.size],
    "Image-original_Mean": image.mean,
    "Image-original_Minimum": image.minimum,
    "Image-original_Maximum": image.maximum,
    "Mask-original_Hash": sha1(mask.data),
    "Mask-original_Spacing": [...g.spacing],
    "Mask-original_Size": [...g.size],
    "Mask-original_BoundingBox": roi.boundingBox,
    "Mask-original_VoxelNum": roi.count,
    "Mask-original_VolumeNum": componentCount(mask, label),
    "Mask-original_CenterOfMassIndex": roi.centre,
    "Mask-original_CenterOfMass": [...centreMm],
  };
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [PREFIX + k, v]));
}
