// The transfer syntax of a Part-10 file, read from its file meta group (always explicit VR little
// endian), and whether compute/image can decode its pixels.

const NATIVE = new Set(["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"]);
export const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
const LONG_VRS = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);

/** TransferSyntaxUID (0002,0010), or undefined when the file has no readable meta group. */
export function transferSyntaxOf(bytes: Uint8Array): string | undefined {
  return fileMetaValue(bytes, 0x0010);
}

/** MediaStorageSOPInstanceUID (0002,0003): which instance a part of a series answer is, without parsing it. */
export function sopInstanceUidOf(bytes: Uint8Array): string | undefined {
  return fileMetaValue(bytes, 0x0003);
}

function fileMetaValue(bytes: Uint8Array, wanted: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== "DICM") return undefined;
  let offset = 132;
  while (offset + 8 <= bytes.byteLength && view.getUint16(offset, true) === 0x0002) {
    const element = view.getUint16(offset + 2, true);
    const vr = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!);
    const long = LONG_VRS.has(vr);
    const length = long ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    const valueOffset = offset + (long ? 12 : 8);
    if (element === wanted) return new TextDecoder().decode(bytes.subarray(valueOffset, valueOffset + length)).replace(/[\0 ]+$/, "");
    offset = valueOffset + length;
  }
  return undefined;
}

/** Native (uncompressed little-endian) pixels, which compute/image decodes; anything else needs transcoding. */
export function isNativeTransferSyntax(transferSyntaxUID: string | undefined): boolean {
  return transferSyntaxUID === undefined || NATIVE.has(transferSyntaxUID);
}
