// Stored values of one SEG frame. 1-bit frames are read from one continuous LSB-first bitstream:
// frame f starts at bit f·rows·columns, which need not be a byte boundary (e.g. 23×38 frames).

import type { Segmentation } from "./segmentation.js";

/** The stored values of frame `frameIndex` (0-based): 0/1 for BINARY, 0…max for FRACTIONAL, labels for LABELMAP. */
export function frameStoredValues(seg: Segmentation, frameIndex: number): Uint8Array | Uint16Array {
  const pixelsPerFrame = seg.rows * seg.columns;
  if (seg.bitsAllocated === 1) return unpackBits(seg.pixelData, frameIndex * pixelsPerFrame, pixelsPerFrame);
  const bytesPerPixel = seg.bitsAllocated / 8;
  const start = seg.pixelData.byteOffset + frameIndex * pixelsPerFrame * bytesPerPixel;
  if (bytesPerPixel === 1) return new Uint8Array(seg.pixelData.buffer, start, pixelsPerFrame);
  // 16-bit label maps: a typed view needs an even offset, so copy the frame when it is odd.
  if (start % 2 === 0) return new Uint16Array(seg.pixelData.buffer, start, pixelsPerFrame);
  return new Uint16Array(new Uint8Array(seg.pixelData.buffer, start, pixelsPerFrame * 2).slice().buffer);
}

function unpackBits(bytes: Uint8Array, firstBit: number, count: number): Uint8Array {
  const values = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    const bit = firstBit + p;
    values[p] = (bytes[bit >>> 3]! >>> (bit & 7)) & 1;
  }
  return values;
}
