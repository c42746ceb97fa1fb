// Loads the real-world DICOM test pack (../shared/data/dicom next to the repository — for a git worktree,
// next to its main checkout) and its expected.json. Only tests read files; compute/ stays pure.

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The main checkout: REPO_ROOT itself, or for a worktree (whose .git is a file "gitdir: <main>/.git/worktrees/<name>") its main one. */
function mainCheckout(): string {
  const git = path.join(REPO_ROOT, ".git");
  if (!existsSync(git) || statSync(git).isDirectory()) return REPO_ROOT;
  const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(git, "utf8"))?.[1]?.trim();
  return gitdir ? path.resolve(gitdir, "../../..") : REPO_ROOT;
}

/** A data set of ../shared/data next to the repository, or next to the main checkout of a worktree. */
export function sharedDataDir(name: string): string {
  return [REPO_ROOT, mainCheckout()].map((root) => path.resolve(root, "../shared/data", name)).find((dir) => existsSync(dir))
    ?? path.resolve(REPO_ROOT, "../shared/data", name);
}

export const DICOM_DATA_DIR = sharedDataDir("dicom");

/** A fresh ArrayBuffer holding exactly one file's bytes. */
export function readDicomFile(relativePath: string): ArrayBuffer {
  const bytes = readFileSync(path.join(DICOM_DATA_DIR, relativePath));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Every file of a folder of the pack, sorted by name (not by position). */
export function readDicomFolder(relativeFolder: string): { path: string; buffer: ArrayBuffer }[] {
  return readdirSync(path.join(DICOM_DATA_DIR, relativeFolder))
    .sort()
    .map((name) => ({ path: `${relativeFolder}/${name}`, buffer: readDicomFile(`${relativeFolder}/${name}`) }));
}

export interface ExpectedImage {
  path: string;
  SOPInstanceUID: string;
  SeriesInstanceUID: string;
  StudyInstanceUID: string;
  FrameOfReferenceUID: string;
  PatientID: string;
  Modality: string;
  Manufacturer: string;
  ManufacturerModelName: string;
  Rows: number;
  Columns: number;
  BitsAllocated: number;
  BitsStored: number;
  PixelRepresentation: number;
  RescaleSlope: number;
  RescaleIntercept: number;
  InstanceNumber: number;
  ImagePositionPatient: number[];
  ImageOrientationPatient: number[];
  PixelSpacing_row_col: number[];
  SliceThickness: number;
  TransferSyntaxUID: string;
  stored_min: number;
  stored_max: number;
  stored_sum: number;
}

export interface ExpectedGeometry {
  n_slices: number;
  Rows: number;
  Columns: number;
  PixelSpacing_row_col: number[];
  slice_normal: number[];
  files_sorted_by_position_along_normal: string[];
  positions_along_normal_mm: number[];
  instance_numbers_in_that_order: number[];
  gaps_between_slices_mm: number[];
  regular_spacing: boolean;
}

export interface ExpectedSegFrame {
  frame: number;
  segment: number | null;
  ImagePositionPatient: number[];
  source_sop_uids: string[];
  source_files_in_pack: string[];
  nonzero?: number;
  bbox_rows?: number[];
  bbox_cols?: number[];
  stored_value_counts?: Record<string, number>;
  stored_sum?: number;
  fraction_sum?: number;
  value_counts?: Record<string, number>;
}

export interface ExpectedSeg {
  path: string;
  SOPClassUID: string;
  FrameOfReferenceUID: string;
  PatientID: string;
  Rows: number;
  Columns: number;
  BitsAllocated: number;
  frame_bits: number;
  PixelData_bytes: number;
  shared_PixelSpacing_row_col: number[];
  shared_ImageOrientationPatient: number[];
  SegmentationFractionalType: string | null;
  SOPInstanceUID: string;
  SeriesInstanceUID: string;
  SegmentationType: string;
  MaximumFractionalValue: number | null;
  PixelPaddingValue: number | null;
  NumberOfFrames: number;
  segments: { SegmentNumber: number; SegmentLabel: string; Category: string; Type: string; SegmentAlgorithmType: string }[];
  ReferencedSeries: { SeriesInstanceUID: string; ReferencedSOPInstanceUIDs: string[] }[];
  frames: ExpectedSegFrame[];
  nonzero_pixels_per_segment?: Record<string, number>;
  centroid_LPS_mm_per_segment?: Record<string, number[]>;
  pairwise_overlap_pixels?: Record<string, number>;
  union_pixels_all_segments?: number;
}

export interface ExpectedReference {
  path: string;
  label_counts: Record<string, number>;
  per_slice_counts_k0_first: Record<string, number[]>;
}

export interface ExpectedRoi {
  ROINumber: number;
  ROIName: string;
  ROIGenerationAlgorithm: string;
  RTROIInterpretedType: string;
  ROIDisplayColor: number[];
  contour_types: Record<string, number>;
  on_grid_contours: { type: string; n_points: number; plane_offset_mm: number; area_mm2: number }[];
  n_contours_total: number;
  n_contours_on_pack_grid: number;
  n_contours_off_grid: number;
  on_grid_area_mm2_sum: number;
  raster_centre_inside_even_odd: {
    total: number;
    bounds_if_centres_on_edges_flip: [number, number];
    union_of_contours_total: number;
    per_slice: Record<string, { slice_index_sorted: number; count: number; bounds: [number, number]; n_contours: number; bbox_rows: number[]; bbox_cols: number[] }>;
  };
  raster_centroid_LPS_mm: number[];
  sanity_mean_HU_inside_raster_per_slice: Record<string, number>;
  raster_volume_mm3: number;
}

export interface ExpectedRtStruct {
  path: string;
  SOPInstanceUID: string;
  SeriesInstanceUID: string;
  StructureSetLabel: string;
  Manufacturer: string;
  PatientID: string;
  referenced_series: {
    SeriesInstanceUID: string;
    FrameOfReferenceUID: string;
    n_contour_images_listed: number;
    n_unique_listed: number;
    n_present_in_pack: number;
    missing_uids: string[] | string;
  }[];
  rois: ExpectedRoi[];
}

export interface ExpectedSet {
  images: ExpectedImage[];
  images_single?: ExpectedImage[];
  geometry: ExpectedGeometry;
  segs?: ExpectedSeg[];
  references?: ExpectedReference[];
  optional_labelmap_segs?: ExpectedSeg[];
  optional_labelmap_references?: ExpectedReference[];
  rtstructs?: ExpectedRtStruct[];
}

export const expected: { sets: Record<string, ExpectedSet> } = JSON.parse(
  readFileSync(path.join(DICOM_DATA_DIR, "expected.json"), "utf8"),
);

export function expectedSet(name: string): ExpectedSet {
  const set = expected.sets[name];
  if (!set) throw new Error(`expected.json has no set '${name}'`);
  return set;
}
