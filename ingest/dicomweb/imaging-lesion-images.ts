// The feature service's LesionImageSource backed by an imaging source: stored lesions of that
// archive (matched by their `source` provenance) are loaded from DICOMweb or the local folder.
import type { Lesion } from "../../graph-model/model/records.js";
import type { LesionImage, LesionImageSource } from "../features/lesion-image-source.js";
import type { ImagingSource } from "./imaging-source.js";
import { lesionRefOf } from "./lesion-volume.js";

export class ImagingLesionImages implements LesionImageSource {
  constructor(
    private readonly imaging: ImagingSource,
    /** Lesion `source` values this archive serves; default the archive's own. */
    private readonly sources: readonly string[] = [imaging.archive.source],
  ) {}

  serves(lesion: Lesion): boolean {
    return (
      lesion.source !== null &&
      this.sources.includes(lesion.source) &&
      (lesion.segmentationType === "SEG" || lesion.segmentationType === "RTSTRUCT") &&
      !!lesion.segmentationSeriesUid &&
      !!lesion.segmentationSopInstanceUid &&
      lesion.segmentNumber !== null
    );
  }

  async load(lesion: Lesion): Promise<LesionImage> {
    const { volume, mask } = await this.imaging.loadLesionVolumeAndMask(lesionRefOf(lesion));
    const { archive } = this.imaging;
    return { volume, mask, source: [archive.source, archive.dataRelease, `segmentation ${lesion.segmentationSeriesUid}`].filter(Boolean).join(" ") };
  }
}
