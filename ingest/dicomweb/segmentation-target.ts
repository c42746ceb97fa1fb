// Which image series a SEG / RTSTRUCT segments: the series it names (ReferencedSeriesSequence), else
// the series holding the instances it references, else the only image series sharing its frame of
// reference. A named series outside the study is looked up in the whole archive.
import { ReferencedImagesMissingError } from "../../compute/image/image-errors.js";
import type { DicomArchive, SeriesLocator } from "./dicom-archive.js";
import type { SegmentationLinks } from "./segmentation-object.js";

export interface CandidateSeries {
  readonly locator: SeriesLocator;
  readonly sopInstanceUids: ReadonlySet<string>;
  readonly frameOfReferenceUid?: string;
}

export async function segmentationTarget(links: SegmentationLinks, candidates: readonly CandidateSeries[], archive: DicomArchive): Promise<SeriesLocator> {
  const named = candidates.find((c) => links.referencedSeriesUids.includes(c.locator.seriesUid));
  if (named) return named.locator;
  const bySop = candidates.find((c) => [...links.referencedSopInstanceUids].some((uid) => c.sopInstanceUids.has(uid)));
  if (bySop) return bySop.locator;
  for (const seriesUid of links.referencedSeriesUids) {
    const elsewhere = await archive.locateSeries(seriesUid);
    if (elsewhere) return elsewhere;
  }
  const sameFrame = candidates.filter((c) => c.frameOfReferenceUid && links.frameOfReferenceUids.includes(c.frameOfReferenceUid));
  if (links.referencedSeriesUids.length === 0 && sameFrame.length === 1) return sameFrame[0]!.locator;
  throw new ReferencedImagesMissingError(
    `segmentation ${links.seriesUid} (instance ${links.sopInstanceUid}) references image series ` +
      `${links.referencedSeriesUids.join(", ") || "(none named)"}, which the archive does not hold`,
    { segmentationSeriesUid: links.seriesUid, referencedSeriesUids: [...links.referencedSeriesUids] },
  );
}
