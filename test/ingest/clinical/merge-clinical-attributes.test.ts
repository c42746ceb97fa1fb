// Merging one source's attributes into a patient's: a re-ingest replaces exactly that source's entries,
// other sources' survive, and a name two sources serve keeps its first holder under the plain name
// with the newcomer under `NAME [source]`.
import { describe, expect, it } from "vitest";
import { mergeClinicalAttributes } from "../../../ingest/clinical/merge-clinical-attributes.js";

const GDC = "GDC TCGA-BRCA";
const CBIO = "cBioPortal brca_tcga_pan_can_atlas_2018";
const CBIO_GDC = "cBioPortal brca_tcga_gdc";
const at = (value: string | number | boolean, source: string, dataRelease = "r1") => ({ value, source, dataRelease });

describe("mergeClinicalAttributes", () => {
  it("adds a source's attributes next to another source's", () => {
    const merged = mergeClinicalAttributes({ tumor_grade: at("G3", GDC) }, { SUBTYPE: at("BRCA_LumA", CBIO) }, CBIO);
    expect(merged).toEqual({ SUBTYPE: at("BRCA_LumA", CBIO), tumor_grade: at("G3", GDC) });
  });

  it("re-ingest replaces the source's attributes (changed, dropped) and leaves the others", () => {
    const before = { SUBTYPE: at("BRCA_LumA", CBIO), PFS_MONTHS: at(12, CBIO), tumor_grade: at("G3", GDC) };
    const merged = mergeClinicalAttributes(before, { SUBTYPE: at("BRCA_LumB", CBIO, "r2") }, CBIO);
    expect(merged).toEqual({ SUBTYPE: at("BRCA_LumB", CBIO, "r2"), tumor_grade: at("G3", GDC) });
    expect(mergeClinicalAttributes(merged, { SUBTYPE: at("BRCA_LumB", CBIO, "r2") }, CBIO)).toEqual(merged);
  });

  it("a name another source holds goes under the source-qualified name; both re-ingests are stable", () => {
    const first = mergeClinicalAttributes({}, { SUBTYPE: at("BRCA_LumA", CBIO) }, CBIO);
    const both = mergeClinicalAttributes(first, { SUBTYPE: at("BRCA_Basal", CBIO_GDC) }, CBIO_GDC);
    expect(both).toEqual({ SUBTYPE: at("BRCA_LumA", CBIO), "SUBTYPE [cBioPortal brca_tcga_gdc]": at("BRCA_Basal", CBIO_GDC) });
    expect(mergeClinicalAttributes(both, { SUBTYPE: at("BRCA_Basal", CBIO_GDC) }, CBIO_GDC)).toEqual(both);
    expect(mergeClinicalAttributes(both, { SUBTYPE: at("BRCA_LumA", CBIO) }, CBIO)).toEqual(both);
  });

  it("an empty answer removes the source's attributes", () => {
    expect(mergeClinicalAttributes({ SUBTYPE: at("x", CBIO), race: at("white", GDC) }, {}, CBIO)).toEqual({ race: at("white", GDC) });
  });
});
