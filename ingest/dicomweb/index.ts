// Imaging ingest from DICOMweb (IDC, TCIA, Orthanc) or a local folder of downloaded DICOM files.
import { DicomWebArchive, type DicomWebArchiveOptions } from "./dicomweb-archive.js";
import { LocalFolderArchive } from "./local-folder-archive.js";
import { ImagingSource, type ImagingSourceOptions } from "./imaging-source.js";
import { PixelCache, type PixelCacheOptions } from "./pixel-cache.js";

export { IDC_PUBLIC_DICOMWEB_URL, DicomWebArchive, type DicomWebArchiveOptions } from "./dicomweb-archive.js";
export { LocalFolderArchive, type SkippedFile } from "./local-folder-archive.js";
export { ImagingSource, type ImagingSourceOptions } from "./imaging-source.js";
export { PixelCache, cacheKey, type PixelCacheOptions, type PixelCacheStats } from "./pixel-cache.js";
export { lesionRefOf, type LesionRef, type LesionVolumeAndMask } from "./lesion-volume.js";
export { ImagingLesionImages } from "./imaging-lesion-images.js";
export { imagingIngestJob, type ImagingIngestRequest } from "./imaging-ingest-job.js";
export type { ImagingQuery } from "./imaging-query.js";
export type { ImagingItem, ImagingRecord, ImagingFailure } from "./imaging-items.js";
export type { DicomArchive, SeriesLocator, InstanceLocator, StudyEntry, SeriesEntry } from "./dicom-archive.js";

/** A DICOMweb imaging source (IDC's public proxy unless `url` says otherwise), caching instances on disk when `cache` is given. */
export function dicomWebImagingSource(
  options: DicomWebArchiveOptions & { cache?: PixelCacheOptions } & Omit<ImagingSourceOptions, "cache"> = {},
): ImagingSource {
  const { cache, verifyPixels, ...archive } = options;
  return new ImagingSource(new DicomWebArchive(archive), { cache: cache && new PixelCache(cache), verifyPixels });
}

/** An imaging source over a folder of DICOM files (indexed once, on open). */
export async function localFolderImagingSource(
  root: string,
  options: { source?: string; dataRelease?: string } & Omit<ImagingSourceOptions, "cache"> = {},
): Promise<ImagingSource> {
  const { verifyPixels, ...archive } = options;
  return new ImagingSource(await LocalFolderArchive.open(root, archive), { verifyPixels });
}
