// The parsing boundary: Part-10 bytes or DICOM JSON (QIDO/WADO metadata) in, a naturalized dataset
// (keyed by attribute name, as dcmjs names them) out. Everything downstream reads only this form.

import dcmjs from "dcmjs";
import { InvalidDicomError } from "../errors.js";
import { readPart10Structure } from "./part10-structure.js";

/** A dataset keyed by DICOM attribute keyword (StudyInstanceUID, ImagePositionPatient, …). */
export type NaturalDataset = Readonly<Record<string, unknown>>;

export interface ParsedDicom {
  /** All attributes except PixelData. */
  readonly dataset: NaturalDataset;
  readonly transferSyntaxUID: string;
  /** Native pixel data, a view into the caller's buffer (no copy); undefined when absent or encapsulated. */
  readonly pixelData?: Uint8Array;
  /** True when PixelData is present but compressed (encapsulated). */
  readonly pixelDataEncapsulated: boolean;
}

const PIXEL_DATA_TAG = "7FE00010";

// dcmjs's validation logger prints "Invalid vr type xs" for ordinary implicit-VR files; compute/ does no I/O.
dcmjs.log.getLogger("validation.dcmjs").setLevel("silent");

/** Parses a DICOM Part-10 file. Throws InvalidDicomError for garbage, truncation or corrupt structure. */
export function readPart10(buffer: ArrayBuffer | Uint8Array): ParsedDicom {
  const arrayBuffer = asArrayBuffer(buffer);
  const structure = readPart10Structure(arrayBuffer);
  const dataset = naturalizeHeader(arrayBuffer);
  const native = structure.pixelData && !structure.pixelData.encapsulated ? structure.pixelData : undefined;
  return {
    dataset,
    transferSyntaxUID: structure.transferSyntaxUID,
    pixelData: native ? new Uint8Array(arrayBuffer, native.offset, native.length) : undefined,
    pixelDataEncapsulated: structure.pixelData?.encapsulated ?? false,
  };
}

/** Naturalizes one DICOM JSON dataset (tag-keyed, as QIDO-RS and WADO-RS metadata return it). */
export function datasetFromDicomJson(json: unknown): NaturalDataset {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InvalidDicomError("DICOM JSON must be an object keyed by tag (e.g. \"00200032\")");
  }
  const entries = Object.entries(json as Record<string, unknown>);
  const malformed = entries.find(([tag, element]) => !/^[0-9A-Fa-f]{8}$/.test(tag) || typeof element !== "object" || element === null);
  if (malformed) {
    throw new InvalidDicomError(`DICOM JSON has a malformed element '${malformed[0]}'`, { tag: malformed[0] });
  }
  // Tags are hexadecimal; dcmjs's dictionary knows them in upper case only.
  const header = Object.fromEntries(entries.map(([tag, element]) => [tag.toUpperCase(), element]).filter(([tag]) => tag !== PIXEL_DATA_TAG));
  try {
    return dcmjs.data.DicomMetaDictionary.naturalizeDataset(header);
  } catch (error) {
    throw new InvalidDicomError(`DICOM JSON could not be read: ${(error as Error).message}`);
  }
}

function naturalizeHeader(buffer: ArrayBuffer): NaturalDataset {
  try {
    return naturalizeWithDcmjs(buffer, { ignoreErrors: false });
  } catch (error) {
    // dcmjs refuses some character sets (e.g. ISO 2022 code extensions) and file meta without its group
    // length unless told to carry on; the structure walk has already proven the file complete, so
    // retrying leniently is safe here.
    if (/character set|meta length/i.test((error as Error).message)) return naturalizeLeniently(buffer);
    throw new InvalidDicomError(`DICOM file could not be parsed: ${(error as Error).message}`);
  }
}

function naturalizeLeniently(buffer: ArrayBuffer): NaturalDataset {
  const level = dcmjs.log.getLevel();
  dcmjs.log.setLevel("silent", false); // lenient mode warns on the console about what it skipped
  try {
    return naturalizeWithDcmjs(buffer, { ignoreErrors: true });
  } catch (error) {
    throw new InvalidDicomError(`DICOM file could not be parsed: ${(error as Error).message}`);
  } finally {
    dcmjs.log.setLevel(level, false);
  }
}

function naturalizeWithDcmjs(buffer: ArrayBuffer, options: { ignoreErrors: boolean }): NaturalDataset {
  const message = dcmjs.data.DicomMessage.readFile(buffer, {
    ignoreErrors: options.ignoreErrors,
    untilTag: PIXEL_DATA_TAG, // stop before the pixels: they are read in place, not copied
    includeUntilTagValue: false,
    noCopy: true,
    forceStoreRaw: false,
  });
  const { [PIXEL_DATA_TAG]: _pixelData, ...header } = message.dict;
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(header);
}

function asArrayBuffer(buffer: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (buffer instanceof ArrayBuffer) return buffer;
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength && buffer.buffer instanceof ArrayBuffer) {
    return buffer.buffer;
  }
  return buffer.slice().buffer as ArrayBuffer; // a view into a shared or larger buffer: copy just this file
}

