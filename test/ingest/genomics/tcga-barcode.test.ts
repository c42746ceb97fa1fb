import { describe, expect, it } from "vitest";
import { isPatientBarcode, isPrimaryTumourSample, patientBarcodeOf, sampleKindOf, sampleTypeCodeOf } from "../../../ingest/genomics/tcga-barcode.js";

describe("TCGA barcode rules", () => {
  it("takes the first 12 characters of sample and aliquot barcodes as the patient barcode", () => {
    expect(patientBarcodeOf("TCGA-BH-A0EA-01A-11R-A115-07")).toBe("TCGA-BH-A0EA");
    expect(patientBarcodeOf("TCGA-05-4244-01A")).toBe("TCGA-05-4244");
    expect(patientBarcodeOf("TCGA-05-4244-01")).toBe("TCGA-05-4244");
    expect(patientBarcodeOf("TCGA-05-4244")).toBe("TCGA-05-4244");
  });

  it("rejects what is not a TCGA barcode as bad input", () => {
    expect(() => patientBarcodeOf("LUNG1-001")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    expect(() => patientBarcodeOf("TCGA-05")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });

  it("reads the sample type code and separates primary tumour from normals", () => {
    expect(sampleTypeCodeOf("TCGA-05-4244-01A")).toBe("01");
    expect(sampleTypeCodeOf("TCGA-05-4244")).toBeNull();
    expect(sampleKindOf("TCGA-05-4244-01A")).toBe("primary-tumour");
    expect(sampleKindOf("TCGA-06-0125-02A")).toBe("recurrent-tumour");
    expect(sampleKindOf("TCGA-EE-A29A-06A")).toBe("metastatic");
    for (const code of ["10", "11", "12", "13", "14"]) expect(sampleKindOf(`TCGA-05-4244-${code}A`)).toBe("normal");
    expect(isPrimaryTumourSample("TCGA-05-4244-01B-11R")).toBe(true);
    expect(isPrimaryTumourSample("TCGA-05-4244-11A")).toBe(false);
  });

  it("recognises 12-character patient barcodes only", () => {
    expect(isPatientBarcode("TCGA-05-4244")).toBe(true);
    expect(isPatientBarcode("TCGA-05-4244-01")).toBe(false);
  });
});
