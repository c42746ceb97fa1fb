// The parsing boundary: real files to typed records, garbage and truncation to InvalidDicomError,
// compressed syntaxes to UnsupportedTransferSyntaxError, DICOM JSON to the same record as Part-10.

import { describe, expect, it } from "vitest";
import dcmjs from "dcmjs";
import { InvalidDicomError } from "../../../compute/errors.js";
import {
  imageInstanceFromDicomJson,
  instanceFromDicomJson,
  parseDicomInstance,
  parseImageInstance,
  withPixelData,
} from "../../../compute/image/dicom-instance.js";
import { parseSegmentation } from "../../../compute/image/segmentation.js";
import { parseRtStructureSet } from "../../../compute/image/rtstruct.js";
import { buildSeriesVolume } from "../../../compute/image/series-volume.js";
import { UnsupportedTransferSyntaxError } from "../../../compute/image/image-errors.js";
import { expected, readDicomFile } from "./dicom-test-data.js";
import { minimalCtElements, part10File, uint16 } from "./part10-writer.js";

const allImages = Object.values(expected.sets).flatMap((set) => [...set.images, ...(set.images_single ?? [])]);

describe("real image files → typed instance record", () => {
  it.each(allImages.map((image) => [image.path, image] as const))("%s", (_path, image) => {
    const instance = parseImageInstance(readDicomFile(image.path));
    expect(instance).toMatchObject({
      sopInstanceUID: image.SOPInstanceUID,
      seriesInstanceUID: image.SeriesInstanceUID,
      studyInstanceUID: image.StudyInstanceUID,
      frameOfReferenceUID: image.FrameOfReferenceUID,
      patientID: image.PatientID,
      modality: image.Modality,
      instanceNumber: image.InstanceNumber,
      transferSyntaxUID: image.TransferSyntaxUID,
      acquisition: { manufacturer: image.Manufacturer, manufacturerModelName: image.ManufacturerModelName },
      pixel: {
        rows: image.Rows,
        columns: image.Columns,
        bitsAllocated: image.BitsAllocated,
        bitsStored: image.BitsStored,
        pixelRepresentation: image.PixelRepresentation,
        rescaleSlope: image.RescaleSlope,
        rescaleIntercept: image.RescaleIntercept,
      },
    });
    expect([...instance.plane.imagePositionPatient]).toEqual(image.ImagePositionPatient.map((v) => expect.closeTo(v, 5)));
    expect([...instance.plane.rowDirection, ...instance.plane.columnDirection]).toEqual(image.ImageOrientationPatient.map((v) => expect.closeTo(v, 6)));
    expect([...instance.plane.pixelSpacing]).toEqual(image.PixelSpacing_row_col.map((v) => expect.closeTo(v, 6)));
    expect(instance.plane.sliceThickness).toBeCloseTo(image.SliceThickness, 6);
    expect(instance.pixelData!.byteLength).toBeGreaterThanOrEqual((image.Rows * image.Columns * image.BitsAllocated) / 8);
  });

  it("keeps acquisition parameters (kernel, kVp) with the instance", () => {
    const instance = parseImageInstance(readDicomFile("dcmqi-ct3slice/ct/01.dcm"));
    expect(instance.acquisition).toMatchObject({ convolutionKernel: "STANDARD", kvp: 120, manufacturer: "GE MEDICAL SYSTEMS" });
    expect(instance).toMatchObject({ seriesNumber: 2, studyDate: "20030417" });
  });
});

describe("malformed input → InvalidDicomError", () => {
  it("empty, garbage and no-preamble buffers", () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const garbageWithMarker = garbage.slice();
    garbageWithMarker.set([0x44, 0x49, 0x43, 0x4d], 128);
    for (const bytes of [new Uint8Array(0), garbage, garbageWithMarker, new TextEncoder().encode("<html>502 Bad Gateway</html>")]) {
      expect(() => parseImageInstance(bytes.buffer as ArrayBuffer)).toThrow(InvalidDicomError);
    }
  });

  it("a CT slice cut at every byte offset", () => {
    const full = new Uint8Array(readDicomFile("dcmqi-phantom-23x38x3/ct/IMG0001.dcm"));
    for (let cut = 0; cut < full.length; cut++) {
      expect(() => parseImageInstance(full.slice(0, cut).buffer as ArrayBuffer), `cut at ${cut}`).toThrow(InvalidDicomError);
    }
  });

  it("a SEG cut inside its functional groups or its pixel data", () => {
    const full = new Uint8Array(readDicomFile("dcmqi-phantom-23x38x3/seg/label.seg"));
    for (let cut = 0; cut < full.length; cut += 7) {
      expect(() => parseSegmentation(full.slice(0, cut).buffer as ArrayBuffer), `cut at ${cut}`).toThrow(InvalidDicomError);
    }
  });

  it("an RTSTRUCT cut in the middle of its contour sequences", () => {
    const full = new Uint8Array(readDicomFile("rtutils-mim-phantom/rtstruct/invalid_reference_rt.dcm"));
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 0.999]) {
      expect(() => parseRtStructureSet(full.slice(0, Math.floor(full.length * fraction)).buffer as ArrayBuffer)).toThrow(InvalidDicomError);
    }
  });

  it("a file of the wrong kind: a CT given as SEG or as RTSTRUCT", () => {
    expect(() => parseSegmentation(readDicomFile("dcmqi-ct3slice/ct/01.dcm"))).toThrow(/not a DICOM SEG/);
    expect(() => parseRtStructureSet(readDicomFile("dcmqi-ct3slice/ct/01.dcm"))).toThrow(/not an RTSTRUCT/);
  });

  it("a character set dcmjs does not handle strictly (ISO 2022 code extensions) still parses", () => {
    const elements = [{ tag: 0x00080005, vr: "CS", value: "\\ISO 2022 IR 87" }, ...minimalCtElements(), { tag: 0x7fe00010, vr: "OW", value: uint16(1, 2, 3, 4) }];
    expect(parseImageInstance(part10File("1.2.840.10008.1.2.1", elements)).patientID).toBe("TCGA-02-0003");
  });

  it("file meta information without its group length (old writers) still parses", () => {
    const elements = [...minimalCtElements(), { tag: 0x7fe00010, vr: "OW", value: uint16(1, 2, 3, 4) }];
    expect(parseImageInstance(part10File("1.2.840.10008.1.2.1", elements, { omitMetaGroupLength: true })).sopInstanceUID).toBe("2.25.77.1");
  });

  it("missing required attributes are named", () => {
    const withoutPosition = minimalCtElements().filter((element) => element.tag !== 0x00200032);
    const file = part10File("1.2.840.10008.1.2.1", [...withoutPosition, { tag: 0x7fe00010, vr: "OW", value: uint16(1, 2, 3, 4) }]);
    expect(() => parseImageInstance(file)).toThrow(/ImagePositionPatient/);
  });
});

describe("transfer syntaxes", () => {
  it("uncompressed synthetic slice decodes with rescale", () => {
    const elements = [...minimalCtElements(), { tag: 0x7fe00010, vr: "OW", value: uint16(1, 2, 3, 0xffff) }];
    const instance = parseImageInstance(part10File("1.2.840.10008.1.2.1", elements));
    expect(Array.from(buildSeriesVolume([{ ...instance, plane: { ...instance.plane, sliceThickness: 1 } }]).volume.data)).toEqual([1, 2, 3, -1]);
  });

  it("JPEG (encapsulated) parses as a record, but its pixels are refused with UnsupportedTransferSyntaxError", () => {
    const file = part10File("1.2.840.10008.1.2.4.70", minimalCtElements(), { encapsulatedPixelData: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) });
    const instance = parseImageInstance(file);
    expect(instance.pixelDataEncapsulated).toBe(true);
    expect(parseDicomInstance(file).transferSyntaxUID).toBe("1.2.840.10008.1.2.4.70");
    expect(() => buildSeriesVolume([{ ...instance, plane: { ...instance.plane, sliceThickness: 1 } }])).toThrow(UnsupportedTransferSyntaxError);
  });

  it("deflated and big-endian files → UnsupportedTransferSyntaxError", () => {
    for (const syntax of ["1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2"]) {
      expect(() => parseDicomInstance(part10File(syntax, minimalCtElements()))).toThrow(UnsupportedTransferSyntaxError);
    }
  });
});

describe("DICOM JSON (QIDO-RS / WADO-RS metadata)", () => {
  it("gives the same record as the Part-10 file; frames attached later give the same volume", () => {
    const paths = ["dcmqi-phantom-23x38x3/ct/IMG0003.dcm", "dcmqi-phantom-23x38x3/ct/IMG0001.dcm", "dcmqi-phantom-23x38x3/ct/IMG0002.dcm"];
    const fromFiles = paths.map((path) => parseImageInstance(readDicomFile(path)));
    const fromJson = paths.map((path, index) => {
      const { ["7FE00010"]: _pixels, ...metadata } = dcmjs.data.DicomMessage.readFile(readDicomFile(path)).dict;
      const json: unknown = JSON.parse(JSON.stringify(metadata)); // as it arrives over HTTP
      return withPixelData(imageInstanceFromDicomJson(json), fromFiles[index]!.pixelData!.slice());
    });
    for (const [index, instance] of fromJson.entries()) {
      const { pixelData: _a, transferSyntaxUID: _b, ...fileRecord } = fromFiles[index]!;
      const { pixelData: _c, transferSyntaxUID: _d, ...jsonRecord } = instance;
      expect(jsonRecord).toEqual(fileRecord);
    }
    expect(buildSeriesVolume(fromJson).volume).toEqual(buildSeriesVolume(fromFiles).volume);
  });

  it("reads hand-written QIDO JSON with numbers as DS/IS and PN objects", () => {
    const json = {
      "00080016": { vr: "UI", Value: ["1.2.840.10008.5.1.4.1.1.4"] },
      "00080018": { vr: "UI", Value: ["2.25.5"] },
      "00080060": { vr: "CS", Value: ["MR"] },
      "00080070": { vr: "LO", Value: ["SIEMENS"] },
      "00100010": { vr: "PN", Value: [{ Alphabetic: "TCGA-02-0003" }] },
      "00100020": { vr: "LO", Value: ["TCGA-02-0003"] },
      "00180087": { vr: "DS", Value: [1.5] },
      "0020000d": { vr: "UI", Value: ["2.25.1"] },
      "0020000E": { vr: "UI", Value: ["2.25.2"] },
      "00200013": { vr: "IS", Value: [7] },
      "7FE00010": { vr: "OW", BulkDataURI: "http://127.0.0.1:8042/dicom-web/studies/2.25.1/bulk/7fe00010" },
    };
    expect(instanceFromDicomJson(json)).toMatchObject({
      sopInstanceUID: "2.25.5",
      studyInstanceUID: "2.25.1",
      patientID: "TCGA-02-0003",
      instanceNumber: 7,
      acquisition: { manufacturer: "SIEMENS", magneticFieldStrength: 1.5 },
    });
    expect(() => imageInstanceFromDicomJson(json)).toThrow(/ImagePositionPatient/);
    expect(() => instanceFromDicomJson({ "0020000D": "not an element" })).toThrow(InvalidDicomError);
    expect(() => instanceFromDicomJson([json])).toThrow(InvalidDicomError);
  });
});
