// pyradiomics generates its 3D angles from the ROI's bounding box: an angle that moves along an axis on
// which the ROI is one voxel thick is left out. For GLRLM this matters (such an angle would add a run of
// length 1 per voxel); GLCM has no pairs along it anyway. IBSI keeps all 13 directions.
import { GLRLM_FORMULAS, glrlmFamily } from "./glrlm.js";
import type { RoiGrid } from "./roi.js";
import { DIRECTIONS_3D, OutcomeMean, type Offset } from "./texture-aggregation.js";
import { AGGREGATION_SUFFIX, type FeatureOutcome } from "./types.js";

/** The 3D directions pyradiomics uses for this ROI, or undefined when they are all 13. */
export function pyradiomicsDirections(roi: RoiGrid): Offset[] | undefined {
  const [nx, ny, nz] = roi.size;
  const lower = [Infinity, Infinity, Infinity], upper = [-Infinity, -Infinity, -Infinity];
  const mask = roi.intensityMask;
  for (let k = 0, v = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, v++) {
    if (!mask[v]) continue;
    if (i < lower[0]!) lower[0] = i; if (i > upper[0]!) upper[0] = i;
    if (j < lower[1]!) lower[1] = j; if (j > upper[1]!) upper[1] = j;
    if (k < lower[2]!) lower[2] = k; if (k > upper[2]!) upper[2] = k;
  }
  const thin = [0, 1, 2].filter((a) => upper[a] === lower[a]);
  if (thin.length === 0) return undefined;
  return DIRECTIONS_3D.filter((d) => thin.every((a) => d[a] === 0));
}

/** GLRLM features averaged over pyradiomics' directions, by result key ("rlm_…_3d_avg"). */
export function pyradiomicsGlrlmAveraged(roi: RoiGrid, directions: readonly Offset[]): Map<string, FeatureOutcome> {
  const family = glrlmFamily(roi);
  const mean = new OutcomeMean(family.featureCount);
  const m = family.create();
  for (const d of directions) {
    family.build(roi, d, undefined, m);
    mean.add(family.features(m));
  }
  const outcomes = mean.result("no runs along pyradiomics' directions");
  return new Map(GLRLM_FORMULAS.map((f, n) => [`${f.key}_${AGGREGATION_SUFFIX["3D, averaged"]}`, outcomes[n]!]));
}
