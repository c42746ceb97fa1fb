// Decodes native (uncompressed, little-endian) grayscale stored values of one frame straight into a
// slot of a Float32Array, applying the Modality LUT (RescaleSlope/Intercept). No per-pixel JS arrays.

import { InvalidDicomError } from "../errors.js";
import type { ImagePixelModule } from "./dicom-instance.js";

type IntegerArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/** Writes rows×columns rescaled values of `pixelData` into `target` starting at `targetOffset`. */
export function decodeFrameInto(
  pixelData: Uint8Array,
  pixel: ImagePixelModule,
  target: Float32Array,
  targetOffset: number,
  context: string,
): void {
  if (pixel.samplesPerPixel !== 1) {
    throw new InvalidDicomError(`${context} has ${pixel.samplesPerPixel} samples per pixel; only grayscale images are supported`);
  }
  const count = pixel.rows * pixel.columns;
  const stored = storedValues(pixelData, pixel, count, context);
  const slope = pixel.rescaleSlope;
  const intercept = pixel.rescaleIntercept;
  const unusedHighBits = pixel.bitsAllocated - pixel.bitsStored;
  if (unusedHighBits > 0 && pixel.bitsAllocated <= 32) {
    decodeWithUnusedBits(stored, pixel, target, targetOffset, count);
    return;
  }
  for (let p = 0; p < count; p++) target[targetOffset + p] = stored[p]! * slope + intercept;
}

// Bits above HighBit may hold anything (old overlays): keep BitsStored bits, sign-extend when signed.
function decodeWithUnusedBits(
  stored: IntegerArray,
  pixel: ImagePixelModule,
  target: Float32Array,
  targetOffset: number,
  count: number,
): void {
  const shift = 32 - pixel.bitsStored;
  const signed = pixel.pixelRepresentation === 1;
  const { rescaleSlope: slope, rescaleIntercept: intercept } = pixel;
  for (let p = 0; p < count; p++) {
    const shifted = stored[p]! << shift;
    const value = signed ? shifted >> shift : shifted >>> shift;
    target[targetOffset + p] = value * slope + intercept;
  }
}

function storedValues(pixelData: Uint8Array, pixel: ImagePixelModule, count: number, context: string): IntegerArray {
  const bytesPerSample = pixel.bitsAllocated / 8;
  if (![1, 2, 4].includes(bytesPerSample)) {
    throw new InvalidDicomError(`${context} has BitsAllocated ${pixel.bitsAllocated}; 8, 16 or 32 expected for an image`);
  }
  const needed = count * bytesPerSample;
  if (pixelData.byteLength < needed) {
    throw new InvalidDicomError(`${context} has ${pixelData.byteLength} bytes of pixel data; ${needed} expected for ${pixel.rows}×${pixel.columns}`, {
      pixelDataBytes: pixelData.byteLength,
      expectedBytes: needed,
    });
  }
  // Typed-array views need aligned offsets; copy the frame only in the rare misaligned case.
  const aligned = pixelData.byteOffset % bytesPerSample === 0 ? pixelData : pixelData.slice(0, needed);
  const { buffer, byteOffset } = aligned;
  const signed = pixel.pixelRepresentation === 1;
  if (bytesPerSample === 1) return signed ? new Int8Array(buffer, byteOffset, count) : new Uint8Array(buffer, byteOffset, count);
  if (bytesPerSample === 2) return signed ? new Int16Array(buffer, byteOffset, count) : new Uint16Array(buffer, byteOffset, count);
  return signed ? new Int32Array(buffer, byteOffset, count) : new Uint32Array(buffer, byteOffset, count);
}
