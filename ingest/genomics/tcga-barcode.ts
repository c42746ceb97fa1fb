// TCGA barcode rules (reference §0): the patient barcode is the first 12 characters of any
// sample/aliquot barcode; characters 14–15 are the sample type code (01 primary tumour, 10–14 normals).
import { BadUserInputError } from "../../compute/errors.js";

const BARCODE = /^TCGA-[A-Z0-9]{2}-[A-Z0-9]{4}(?:-(\d{2})[A-Z]?(?:-.*)?)?$/i;

export type SampleKind = "primary-tumour" | "recurrent-tumour" | "metastatic" | "other-tumour" | "normal" | "control" | "unknown";

/** `TCGA-05-4244-01A-11R-A115-07` → `TCGA-05-4244`; throws BadUserInputError on a non-TCGA barcode. */
export function patientBarcodeOf(barcode: string): string {
  if (!BARCODE.test(barcode.trim())) throw new BadUserInputError(`'${barcode}' is not a TCGA barcode (expected e.g. TCGA-05-4244 or TCGA-05-4244-01A)`);
  return barcode.trim().slice(0, 12).toUpperCase();
}

/** True for a 12-character patient (case) barcode such as TCGA-05-4244. */
export function isPatientBarcode(barcode: string): boolean {
  return barcode.length === 12 && BARCODE.test(barcode);
}

/** Sample type code (`01`, `11`, …) of a sample or aliquot barcode; null for a patient barcode. */
export function sampleTypeCodeOf(barcode: string): string | null {
  const match = BARCODE.exec(barcode.trim());
  if (!match) throw new BadUserInputError(`'${barcode}' is not a TCGA barcode`);
  return match[1] ?? null;
}

/** TCGA sample type codes: 01 primary solid tumour, 02 recurrent, 03/09 blood-derived/bone-marrow
 * cancers, 05 additional primary, 06/07 metastatic, 10–14 normals, 20 controls. */
export function sampleKindOfCode(code: string | null): SampleKind {
  if (code === null) return "unknown";
  const n = Number(code);
  if (n === 1) return "primary-tumour";
  if (n === 2) return "recurrent-tumour";
  if (n === 6 || n === 7) return "metastatic";
  if (n >= 3 && n <= 9) return "other-tumour";
  if (n >= 10 && n <= 14) return "normal";
  if (n >= 20 && n <= 29) return "control";
  return "unknown";
}

export function sampleKindOf(barcode: string): SampleKind {
  return sampleKindOfCode(sampleTypeCodeOf(barcode));
}

export function isPrimaryTumourSample(barcode: string): boolean {
  return sampleKindOf(barcode) === "primary-tumour";
}
