// Reads the pack's NRRD label maps (dcmqi's own baselines): gzip-encoded little-endian int16, x fastest.

import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DICOM_DATA_DIR } from "./dicom-test-data.js";

export interface NrrdLabelMap {
  readonly sizes: number[];
  readonly origin: number[];
  readonly labels: Int16Array;
}

export function readNrrdLabelMap(relativePath: string): NrrdLabelMap {
  const bytes = readFileSync(path.join(DICOM_DATA_DIR, relativePath));
  const headerEnd = bytes.indexOf("\n\n");
  const header = bytes.subarray(0, headerEnd).toString("latin1");
  const field = (name: string) => header.match(new RegExp(`^${name}: (.*)$`, "m"))?.[1] ?? "";
  if (field("type") !== "short" || field("encoding") !== "gzip" || field("endian") !== "little") {
    throw new Error(`${relativePath}: only gzip little-endian short NRRD is read here`);
  }
  const raw = gunzipSync(bytes.subarray(headerEnd + 2));
  return {
    sizes: field("sizes").split(/\s+/).map(Number),
    origin: field("space origin").replace(/[()]/g, "").split(",").map(Number),
    labels: new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)),
  };
}
