// pyradiomics' `force2D` / `force2Ddimension` as the PYRADIOMICS profile applies them: to the shape2D
// class only (2D texture is not supported yet, so force2D with a texture class is refused by name).
// pyradiomics 3.0.1 enables shape2D with every class when the params have no featureClass section, then
// skips it (a warning) without force2D: the same here; shape2D asked for by name without force2D is refused.

/** Classes whose values force2D would change (2D angles / neighbourhoods), not supported in 2D yet. */
const TEXTURE_CLASSES = ["glcm", "glrlm", "glszm", "gldm", "ngtdm"];

/** Applies the force2D rules to the enabled classes (in place), collecting refusals by name. */
export function applyForce2D(featureClasses: Record<string, string[]>, force2D: boolean, featureClassGiven: boolean, refusals: string[]): void {
  if (!force2D) {
    if (!featureClassGiven) delete featureClasses.shape2D;
    else if (featureClasses.shape2D) refusals.push("featureClass 'shape2D' needs setting force2D: true (pyradiomics 3.0.1 computes no shape2D features without it)");
    return;
  }
  const texture = TEXTURE_CLASSES.filter((c) => c in featureClasses);
  if (texture.length) refusals.push(`setting 'force2D' (force2D: true) applies to shape2D only here; 2D texture (${texture.join(", ")}) is not supported yet`);
}
