import { registerEnumType } from "type-graphql";

export enum ManifestFormatEnum {
  TCIA = "TCIA",
  IDC = "IDC",
  CSV = "CSV",
}
registerEnumType(ManifestFormatEnum, {
  name: "ManifestFormat",
  description:
    "TCIA: a .tcia manifest for the NBIA Data Retriever; IDC: the comma-separated SeriesInstanceUIDs `idc download` takes; CSV: one row per series with its DICOMweb WADO-RS URL",
});
