// Files of a local folder that were meant to be DICOM (a .dcm / .dicom name, no extension, or the
// "DICM" preamble) but could not be read — random bytes, truncated, no UIDs. They become typed
// INVALID_DICOM items of the imaging job, so a segmentation that could not be read is reported, not
// skipped silently (a README or a manifest next to the files is left alone).
import { INVALID_DICOM_FILE_PREFIX } from "./imaging-item-keys.js";
import type { SkippedFile } from "./local-folder-archive.js";

const DICOM_NAME = /(\.dcm|\.dicom|\.ima|(^|\/)[^./]+)$/i;

export function meantAsDicom(file: SkippedFile): boolean {
  // A file with the preamble fails later than the marker check; a README fails at it ("… 'DICM' marker … missing").
  return DICOM_NAME.test(file.path) || !/'DICM' marker .* missing/.test(file.reason);
}

export function unreadableFileKey(file: SkippedFile): string {
  return `${INVALID_DICOM_FILE_PREFIX}${file.path}`;
}
