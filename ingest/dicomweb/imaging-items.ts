// What an imaging source yields: normalized records, or a typed failure of one item (a study, a
// series, a segmentation) while the rest keeps coming.
import { PlatformError } from "../../compute/errors.js";
import type { LesionRecord, PatientRecord, SeriesRecord, StudyRecord } from "../../graph-model/model/records.js";

export type ImagingRecord =
  | { readonly kind: "patient"; readonly record: PatientRecord }
  | { readonly kind: "study"; readonly record: StudyRecord }
  | { readonly kind: "series"; readonly record: SeriesRecord }
  | { readonly kind: "lesion"; readonly record: LesionRecord; readonly warnings?: readonly string[] };

export interface ImagingFailure {
  readonly kind: "study" | "series" | "segmentation";
  /** Study, series or segmentation series UID. */
  readonly uid: string;
  readonly patientId?: string;
  /** The SEG / RTSTRUCT instance, for segmentation failures. */
  readonly sopInstanceUid?: string;
  /** Typed: NOT_FOUND (missing referenced series), INVALID_DICOM, GEOMETRY_MISMATCH, UPSTREAM_UNAVAILABLE… */
  readonly error: PlatformError;
}

export type ImagingItem = (ImagingRecord & { readonly ok: true }) | { readonly ok: false; readonly failure: ImagingFailure };

export function recordItem(item: ImagingRecord): ImagingItem {
  return { ...item, ok: true } as ImagingItem;
}

export function failureItem(failure: Omit<ImagingFailure, "error"> & { error: unknown }): ImagingItem {
  return { ok: false, failure: { ...failure, error: asPlatformError(failure.error) } };
}

export function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError("INTERNAL", `unexpected failure: ${message}`, { cause: message });
}
