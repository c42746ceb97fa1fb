// Walks the element structure of a DICOM Part-10 file without decoding values. dcmjs silently
// zero-fills truncated pixel data and stops quietly inside truncated sequences, so this walk is the
// truncation check; it also finds the transfer syntax and where the pixel data bytes lie, so pixels
// can be decoded straight from the caller's buffer without a copy.

import { InvalidDicomError } from "../errors.js";
import { UnsupportedTransferSyntaxError } from "./image-errors.js";

export const TRANSFER_SYNTAX = {
  implicitVrLittleEndian: "1.2.840.10008.1.2",
  explicitVrLittleEndian: "1.2.840.10008.1.2.1",
  deflatedExplicitVrLittleEndian: "1.2.840.10008.1.2.1.99",
  explicitVrBigEndian: "1.2.840.10008.1.2.2",
} as const;

export interface Part10Structure {
  readonly transferSyntaxUID: string;
  /** Byte range of the top-level PixelData value (native) or its fragments (encapsulated). */
  readonly pixelData?: { readonly offset: number; readonly length: number; readonly encapsulated: boolean };
}

const PREAMBLE_LENGTH = 128;
const UNDEFINED_LENGTH = 0xffffffff;
const MAX_NESTING = 32;
const ITEM = 0xfffee000;
const ITEM_DELIMITATION = 0xfffee00d;
const SEQUENCE_DELIMITATION = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;
const TRANSFER_SYNTAX_UID_TAG = 0x00020010;
// Explicit-VR elements with these VRs have 2 reserved bytes and a 32-bit length (PS3.5 §7.1.2).
const LONG_VRS = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);

interface Cursor {
  readonly view: DataView;
  offset: number;
}

interface ElementHeader {
  readonly tag: number;
  readonly vr: string | undefined;
  readonly length: number;
  readonly valueOffset: number;
}

/** Validates the whole element structure of a Part-10 file and locates its pixel data. */
export function readPart10Structure(buffer: ArrayBuffer): Part10Structure {
  const view = new DataView(buffer);
  requireDicmMarker(view);
  const cursor: Cursor = { view, offset: PREAMBLE_LENGTH + 4 };
  const transferSyntaxUID = readFileMetaTransferSyntax(cursor);
  if (
    transferSyntaxUID === TRANSFER_SYNTAX.deflatedExplicitVrLittleEndian ||
    transferSyntaxUID === TRANSFER_SYNTAX.explicitVrBigEndian
  ) {
    throw new UnsupportedTransferSyntaxError(transferSyntaxUID);
  }
  const explicitVr = transferSyntaxUID !== TRANSFER_SYNTAX.implicitVrLittleEndian;
  let pixelData: Part10Structure["pixelData"];
  walkDataset(cursor, view.byteLength, explicitVr, 0, (header, encapsulatedLength) => {
    if (header.tag === PIXEL_DATA) {
      const encapsulated = header.length === UNDEFINED_LENGTH;
      pixelData = { offset: header.valueOffset, length: encapsulated ? encapsulatedLength : header.length, encapsulated };
    }
  });
  return { transferSyntaxUID, pixelData };
}

function requireDicmMarker(view: DataView): void {
  const hasMarker =
    view.byteLength >= PREAMBLE_LENGTH + 4 &&
    String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + PREAMBLE_LENGTH, 4)) === "DICM";
  if (!hasMarker) {
    throw new InvalidDicomError("not a DICOM Part-10 file: the 'DICM' marker at byte 128 is missing", {
      byteLength: view.byteLength,
    });
  }
}

// The file meta group (0002) is always explicit VR little endian, whatever the dataset uses.
function readFileMetaTransferSyntax(cursor: Cursor): string {
  let transferSyntaxUID: string | undefined;
  while (cursor.offset + 4 <= cursor.view.byteLength && cursor.view.getUint16(cursor.offset, true) === 0x0002) {
    const header = readElementHeader(cursor, true, cursor.view.byteLength);
    requireValueInBounds(header, cursor.view.byteLength);
    if (header.tag === TRANSFER_SYNTAX_UID_TAG) {
      transferSyntaxUID = readAscii(cursor.view, header.valueOffset, header.length);
    }
    cursor.offset = header.valueOffset + header.length;
  }
  if (!transferSyntaxUID) {
    throw new InvalidDicomError("the file meta information has no TransferSyntaxUID (0002,0010)");
  }
  return transferSyntaxUID;
}

type TopLevelVisitor = (header: ElementHeader, encapsulatedLength: number) => void;

/** Walks elements until `end`; returns true when an item delimiter (end of an undefined-length item) stopped it. */
function walkDataset(cursor: Cursor, end: number, explicitVr: boolean, depth: number, visit?: TopLevelVisitor): boolean {
  if (depth > MAX_NESTING) {
    throw new InvalidDicomError("DICOM sequences are nested too deeply", { offset: cursor.offset });
  }
  while (cursor.offset < end) {
    const header = readElementHeader(cursor, explicitVr, end);
    if (header.tag === ITEM_DELIMITATION) {
      if (depth === 0) throw structureError("an item delimiter outside any sequence", header);
      return true;
    }
    if (header.length === UNDEFINED_LENGTH) {
      const start = cursor.offset;
      walkUndefinedLengthValue(cursor, header, explicitVr, depth, end);
      visit?.(header, cursor.offset - start);
      continue;
    }
    requireValueInBounds(header, end);
    if (header.vr === "SQ") {
      cursor.offset = header.valueOffset;
      walkItems(cursor, header.valueOffset + header.length, explicitVr, depth + 1);
    }
    cursor.offset = header.valueOffset + header.length;
    visit?.(header, 0);
  }
  return false;
}

// Undefined length: a sequence (SQ, or UN whose content is implicit VR per CP-246) or encapsulated pixel data.
function walkUndefinedLengthValue(
  cursor: Cursor,
  header: ElementHeader,
  explicitVr: boolean,
  depth: number,
  end: number,
): void {
  cursor.offset = header.valueOffset;
  if (header.tag === PIXEL_DATA) {
    walkFragments(cursor, end);
    return;
  }
  const contentIsExplicit = explicitVr && header.vr !== "UN";
  walkItems(cursor, end, contentIsExplicit, depth + 1, { untilDelimiter: true });
}

function walkItems(
  cursor: Cursor,
  end: number,
  explicitVr: boolean,
  depth: number,
  options: { untilDelimiter?: boolean } = {},
): void {
  while (cursor.offset < end || options.untilDelimiter) {
    const header = readItemHeader(cursor, end);
    if (header.tag === SEQUENCE_DELIMITATION) {
      if (!options.untilDelimiter) throw structureError("a sequence delimiter in a defined-length sequence", header);
      return;
    }
    if (header.tag !== ITEM) throw structureError("a sequence holding something other than items", header);
    if (header.length === UNDEFINED_LENGTH) {
      const closed = walkDataset(cursor, end, explicitVr, depth);
      if (!closed) throw truncated(cursor.offset);
      continue;
    }
    requireValueInBounds(header, end);
    walkDataset(cursor, header.valueOffset + header.length, explicitVr, depth);
    cursor.offset = header.valueOffset + header.length;
  }
}

function walkFragments(cursor: Cursor, end: number): void {
  for (;;) {
    const header = readItemHeader(cursor, end);
    if (header.tag === SEQUENCE_DELIMITATION) return;
    if (header.tag !== ITEM || header.length === UNDEFINED_LENGTH) {
      throw structureError("an encapsulated pixel data fragment that is not a defined-length item", header);
    }
    requireValueInBounds(header, end);
    cursor.offset = header.valueOffset + header.length;
  }
}

function readItemHeader(cursor: Cursor, end: number): ElementHeader {
  requireBytes(cursor, 8, end);
  const tag = readTag(cursor.view, cursor.offset);
  const length = cursor.view.getUint32(cursor.offset + 4, true);
  cursor.offset += 8;
  return { tag, vr: undefined, length, valueOffset: cursor.offset };
}

function readElementHeader(cursor: Cursor, explicitVr: boolean, end: number): ElementHeader {
  const { view } = cursor;
  requireBytes(cursor, 8, end);
  const tag = readTag(view, cursor.offset);
  const isDelimiterOrItem = tag >>> 16 === 0xfffe;
  if (!explicitVr || isDelimiterOrItem) {
    const length = view.getUint32(cursor.offset + 4, true);
    cursor.offset += 8;
    return { tag, vr: undefined, length, valueOffset: cursor.offset };
  }
  const vr = readAscii(view, cursor.offset + 4, 2);
  if (!/^[A-Z]{2}$/.test(vr)) {
    throw structureError(`an invalid value representation '${vr}'`, { tag, vr, length: 0, valueOffset: cursor.offset });
  }
  if (LONG_VRS.has(vr)) {
    requireBytes(cursor, 12, end);
    const length = view.getUint32(cursor.offset + 8, true);
    cursor.offset += 12;
    return { tag, vr, length, valueOffset: cursor.offset };
  }
  const length = view.getUint16(cursor.offset + 6, true);
  cursor.offset += 8;
  return { tag, vr, length, valueOffset: cursor.offset };
}

function readTag(view: DataView, offset: number): number {
  return ((view.getUint16(offset, true) << 16) | view.getUint16(offset + 2, true)) >>> 0;
}

function readAscii(view: DataView, offset: number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(offset + i));
  return text.replace(/[\0 ]+$/, "");
}

function requireBytes(cursor: Cursor, count: number, end: number): void {
  if (cursor.offset + count > Math.min(end, cursor.view.byteLength)) throw truncated(cursor.offset);
}

function requireValueInBounds(header: ElementHeader, end: number): void {
  if (header.valueOffset + header.length > Math.min(end, Number.MAX_SAFE_INTEGER)) {
    throw new InvalidDicomError(
      `DICOM data is truncated or corrupt: element ${formatTag(header.tag)} declares ${header.length} bytes ` +
        `but only ${Math.max(0, end - header.valueOffset)} remain`,
      { tag: formatTag(header.tag), offset: header.valueOffset, declaredLength: header.length },
    );
  }
}

function truncated(offset: number): InvalidDicomError {
  return new InvalidDicomError(`DICOM data is truncated: it ends inside an element header or sequence (byte ${offset})`, {
    offset,
  });
}

function structureError(what: string, header?: ElementHeader, offset = header?.valueOffset): InvalidDicomError {
  return new InvalidDicomError(`DICOM data is corrupt: found ${what}`, {
    tag: header ? formatTag(header.tag) : undefined,
    offset,
  });
}

function formatTag(tag: number): string {
  const hex = tag.toString(16).toUpperCase().padStart(8, "0");
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}
