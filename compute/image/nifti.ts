// A NIfTI-1 single-file (.nii) parser for the reference data the filters are checked against (IBSI-2
// phantoms and response maps, IBSI-1's phantom). Pure: takes the (already gunzipped) bytes. Voxels are
// returned as Float64 in NIfTI order — i fastest, then j, then k — with scl_slope/scl_inter applied.
// Written by hand (about 60 lines) rather than adding nifti-reader-js: only the header fields below matter.
import { BadUserInputError } from "../errors.js";

export interface NiftiImage {
  /** Voxels along i, j, k (a 2D image has k = 1). */
  readonly size: readonly [number, number, number];
  /** Voxel spacing (pixdim[1..3], in the file's units: mm for the IBSI data). */
  readonly spacing: readonly [number, number, number];
  readonly data: Float64Array;
}

/** NIfTI datatype code → reader of one voxel at a byte offset. */
const READERS: Record<number, (view: DataView, offset: number, little: boolean) => number> = {
  2: (v, o) => v.getUint8(o), // DT_UINT8
  4: (v, o, l) => v.getInt16(o, l), // DT_INT16
  8: (v, o, l) => v.getInt32(o, l), // DT_INT32
  16: (v, o, l) => v.getFloat32(o, l), // DT_FLOAT32
  64: (v, o, l) => v.getFloat64(o, l), // DT_FLOAT64
  256: (v, o) => v.getInt8(o), // DT_INT8
  512: (v, o, l) => v.getUint16(o, l), // DT_UINT16
  768: (v, o, l) => v.getUint32(o, l), // DT_UINT32
};

export function parseNifti(bytes: Uint8Array): NiftiImage {
  if (bytes.length < 352) throw new BadUserInputError(`not a NIfTI-1 file: ${bytes.length} bytes, the header alone is 348`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // sizeof_hdr is 348; read it in both byte orders to find the file's.
  const little = view.getInt32(0, true) === 348;
  if (!little && view.getInt32(0, false) !== 348) throw new BadUserInputError("not a NIfTI-1 file: sizeof_hdr is not 348");
  const rank = view.getInt16(40, little);
  const dim = (n: number) => (n <= rank ? Math.max(1, view.getInt16(40 + 2 * n, little)) : 1);
  const size = [dim(1), dim(2), dim(3)] as const;
  if (dim(4) !== 1) throw new BadUserInputError(`NIfTI image has ${dim(4)} volumes; one is supported`);
  const datatype = view.getInt16(70, little);
  const bytesPerVoxel = view.getInt16(72, little) / 8;
  const read = READERS[datatype];
  if (!read) throw new BadUserInputError(`NIfTI datatype ${datatype} is not supported`);
  const spacing = [1, 2, 3].map((n) => (n <= rank ? view.getFloat32(76 + 4 * n, little) : 1)) as unknown as readonly [number, number, number];
  const offset = Math.max(352, Math.round(view.getFloat32(108, little)));
  const rawSlope = view.getFloat32(112, little);
  const slope = rawSlope === 0 || !Number.isFinite(rawSlope) ? 1 : rawSlope;
  const rawInter = view.getFloat32(116, little);
  const inter = Number.isFinite(rawInter) ? rawInter : 0;
  const count = size[0] * size[1] * size[2];
  if (offset + count * bytesPerVoxel > bytes.length)
    throw new BadUserInputError(`NIfTI file is truncated: ${count} voxels of ${bytesPerVoxel} bytes need ${offset + count * bytesPerVoxel} bytes, it has ${bytes.length}`);
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) data[i] = read(view, offset + i * bytesPerVoxel, little) * slope + inter;
  return { size, spacing, data };
}
