// Where the feature service gets a lesion's image and mask: the imaging pipeline (DICOMweb → volume,
// SEG/RTSTRUCT → mask) or, for the demo cohort, generated images.
import type { Mask, Volume } from "../../compute/image/volume.js";
import type { Lesion } from "../../graph-model/model/records.js";

export interface LesionImage {
  readonly volume: Volume;
  readonly mask: Mask;
  /** Where the pixels came from, recorded with every feature value (provenance). */
  readonly source: string;
}

export interface LesionImageSource {
  /** True when this source can produce images for the lesion. */
  serves(lesion: Lesion): boolean;
  load(lesion: Lesion): Promise<LesionImage>;
}
