import { describe, expect, it } from "vitest";
import { parseImageInstance } from "../../../compute/image/dicom-instance.js";
import { summarizeSeries } from "../../../compute/image/series-summary.js";
import { expectedSet, readDicomFile } from "./dicom-test-data.js";
import { syntheticSeries } from "./synthetic-series.js";

describe("series summary for the graph", () => {
  it.each(["dcmqi-ct3slice", "highdicom-ct-small", "segrt-cheese-raystation"])("%s: geometry and acquisition from expected.json", (name) => {
    const set = expectedSet(name);
    const summary = summarizeSeries(set.images.map((image) => parseImageInstance(readDicomFile(image.path))));
    const image = set.images[0]!;
    expect(summary).toMatchObject({
      seriesInstanceUID: image.SeriesInstanceUID,
      patientID: image.PatientID,
      modality: image.Modality,
      sliceCount: set.geometry.n_slices,
      rows: set.geometry.Rows,
      columns: set.geometry.Columns,
      acquisition: { manufacturer: image.Manufacturer, manufacturerModelName: image.ManufacturerModelName },
    });
    expect(summary.sliceThickness).toBeCloseTo(image.SliceThickness, 6);
    if (set.geometry.regular_spacing) {
      expect(summary.sliceSpacing).toBeCloseTo(set.geometry.gaps_between_slices_mm[0]!, 3);
      expect(summary.geometryProblem).toBeUndefined();
    } else {
      expect(summary.sliceSpacing).toBeUndefined();
      expect(["irregular-spacing", "missing-slices"]).toContain(summary.geometryProblem); // gaps 202.5 = 162 × 1.25 mm
    }
  });

  it("lists acquisition parameters that change within the series", () => {
    const [a, b] = syntheticSeries({ positions: [[0, 0, 0], [0, 0, 1]] });
    const summary = summarizeSeries([
      { ...a!, acquisition: { kvp: 120, convolutionKernel: "B30f" } },
      { ...b!, acquisition: { kvp: 100, convolutionKernel: "B30f" } },
    ]);
    expect(summary.varyingAcquisition).toEqual(["kvp"]);
  });
});
