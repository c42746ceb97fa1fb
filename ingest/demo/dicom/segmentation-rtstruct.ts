// An RTSTRUCT of known shapes on a synthetic image series: per slice, CLOSED_PLANAR polygons
// inscribed in the shape's cross-section (an outer and an inner ring where the shape has a hole).
// The truth is counted here by an independent even-odd test of pixel centres against those polygons.
import type { Vec3 } from "../../../compute/image/volume.js";
import { part10File } from "./part10-file.js";
import { seededUid } from "./seeded-random.js";
import { crossSection, type LesionShape } from "./shapes.js";
import { add, dot, scale, subtract, type SeriesGeometry } from "./series-geometry.js";
import { toDecimalStrings } from "./decimal-string.js";
import { lesionTruth } from "./lesion-truth.js";
import { SOP_CLASS, studyAttributes, type SyntheticImageSeries } from "./image-series.js";
import type { SegmentationUids, SyntheticSegmentation } from "./segmentation-seg.js";

const VERTICES_PER_RING = 64;
const ANGLE_OFFSET = 0.1234; // keeps vertices off the pixel-centre lattice's symmetry lines
const RT_STUDY_SOP_CLASS = "1.2.840.10008.3.1.2.3.1"; // Detached Study Management (retired), as RTSTRUCTs reference studies

interface SliceContour {
  readonly k: number;
  readonly points: readonly Vec3[];
}

export interface RtStructOptions {
  /** ROI indexes (0-based) that also get one contour between two slices, which readers must skip and report. */
  readonly offGridContourRois?: readonly number[];
  /** Default: derived from the seed and name. */
  readonly uids?: SegmentationUids;
}

export function rtStructSegmentation(
  name: string,
  seriesNumber: number,
  image: SyntheticImageSeries,
  shapes: readonly LesionShape[],
  options: RtStructOptions = {},
): SyntheticSegmentation {
  const { context } = image;
  const { geometry } = image.spec;
  const seriesUid = options.uids?.seriesUid ?? seededUid(context.seed, `${name}/series`);
  const sopInstanceUid = options.uids?.sopInstanceUid ?? seededUid(context.seed, `${name}/instance`);
  const contoursByRoi = shapes.map((shape) => shapeContours(geometry, shape));
  const writtenByRoi = contoursByRoi.map((contours, r) => (options.offGridContourRois?.includes(r) ? [...contours, offGridContour(geometry, contours)] : contours));
  const contourImage = (k: number) => ({ ReferencedSOPClassUID: image.sopClassUid, ReferencedSOPInstanceUID: image.sopInstanceUids[k] });
  const file = part10File({
    ...studyAttributes(context),
    SOPClassUID: SOP_CLASS.rtStructureSet,
    SOPInstanceUID: sopInstanceUid,
    Modality: "RTSTRUCT",
    SeriesInstanceUID: seriesUid,
    SeriesNumber: seriesNumber,
    SeriesDescription: `Structure set ${name}`,
    InstanceNumber: 1,
    Manufacturer: "radiogenomics test cohort",
    StructureSetLabel: name,
    StructureSetDate: context.studyDate,
    StructureSetTime: "120000",
    ReferencedFrameOfReferenceSequence: [
      {
        FrameOfReferenceUID: context.frameOfReferenceUid,
        RTReferencedStudySequence: [
          {
            ReferencedSOPClassUID: RT_STUDY_SOP_CLASS,
            ReferencedSOPInstanceUID: context.studyUid,
            RTReferencedSeriesSequence: [{ SeriesInstanceUID: image.seriesUid, ContourImageSequence: image.sopInstanceUids.map((_, k) => contourImage(k)) }],
          },
        ],
      },
    ],
    StructureSetROISequence: shapes.map((shape, r) => ({
      ROINumber: r + 1,
      ReferencedFrameOfReferenceUID: context.frameOfReferenceUid,
      ROIName: shape.label,
      ROIGenerationAlgorithm: "MANUAL",
    })),
    ROIContourSequence: writtenByRoi.map((contours, r) => ({
      ROIDisplayColor: [255, 64 * r, 0],
      ReferencedROINumber: r + 1,
      ContourSequence: contours.map((contour) => ({
        ContourImageSequence: [contourImage(contour.k)],
        ContourGeometricType: "CLOSED_PLANAR",
        NumberOfContourPoints: contour.points.length,
        ContourData: contour.points.flatMap((p) => [...p]),
      })),
    })),
    RTROIObservationsSequence: shapes.map((_, r) => ({ ObservationNumber: r + 1, ReferencedROINumber: r + 1, RTROIInterpretedType: "GTV", ROIInterpreter: "" })),
  });
  const lesions = shapes.map((shape, r) =>
    lesionTruth(
      {
        id: `${seriesUid}:${r + 1}`,
        label: shape.label,
        segmentNumber: r + 1,
        segmentationType: "RTSTRUCT",
        segmentationSeriesUid: seriesUid,
        segmentationSopInstanceUid: sopInstanceUid,
        imageSeriesUid: image.seriesUid,
        shape,
      },
      geometry,
      rasterise(geometry, contoursByRoi[r]!),
    ),
  );
  return { kind: "RTSTRUCT", name, seriesUid, sopInstanceUid, imageSeriesUid: image.seriesUid, file, lesions };
}

// The middle contour moved half a slice along the normal: it lies on no slice (the truth ignores it).
function offGridContour(geometry: SeriesGeometry, contours: readonly SliceContour[]): SliceContour {
  const middle = contours[Math.floor(contours.length / 2)]!;
  const shift = scale(geometry.normal, geometry.sliceSpacing / 2);
  return { k: middle.k, points: middle.points.map((p) => toDecimalStrings(add(p, shift))) };
}

function shapeContours(geometry: SeriesGeometry, shape: LesionShape): SliceContour[] {
  return geometry.positions.flatMap((position, k) => {
    const w = dot(subtract(position, shape.centre), geometry.normal);
    const centre = add(shape.centre, scale(geometry.normal, w)); // centre of the cut, in the slice plane
    const rings = [crossSection(shape.radii, w), shape.holeRadii ? crossSection(shape.holeRadii, w) : undefined];
    return rings.filter((axes) => axes !== undefined).map((axes) => ({ k, points: ellipseRing(geometry, centre, axes) }));
  });
}

function ellipseRing(geometry: SeriesGeometry, centre: Vec3, [a, b]: readonly [number, number]): Vec3[] {
  return Array.from({ length: VERTICES_PER_RING }, (_, n) => {
    const angle = ANGLE_OFFSET + (2 * Math.PI * n) / VERTICES_PER_RING;
    const point = add(centre, add(scale(geometry.rowDirection, a * Math.cos(angle)), scale(geometry.columnDirection, b * Math.sin(angle))));
    return toDecimalStrings(point);
  });
}

// Pixel centre (i, j) of slice k is inside when it lies inside an odd number of that slice's rings.
function rasterise(geometry: SeriesGeometry, contours: readonly SliceContour[]): Uint8Array {
  const sliceSize = geometry.rows * geometry.columns;
  const inside = new Uint8Array(sliceSize * geometry.sliceCount);
  for (const contour of contours) {
    const origin = geometry.positions[contour.k]!;
    const polygon = contour.points.map((p) => {
      const d = subtract(p, origin);
      return [dot(d, geometry.rowDirection) / geometry.pixelSpacing[1], dot(d, geometry.columnDirection) / geometry.pixelSpacing[0]] as const;
    });
    for (let j = 0; j < geometry.rows; j++) {
      for (let i = 0; i < geometry.columns; i++) {
        if (pointInPolygon(i, j, polygon)) inside[contour.k * sliceSize + i + geometry.columns * j]! ^= 1;
      }
    }
  }
  return inside;
}

function pointInPolygon(x: number, y: number, polygon: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
    const [xa, ya] = polygon[a]!;
    const [xb, yb] = polygon[b]!;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}
