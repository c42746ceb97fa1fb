import { registerEnumType } from "type-graphql";

export enum ManifestFormatEnum {
  TCIA = "TCIA",
  IDC = "IDC",
  CSV = "CSV",
  S5CMD = "S5CMD",
}
registerEnumType(ManifestFormatEnum, {
  name: "ManifestFormat",
  description:
    "TCIA: a .tcia manifest for the NBIA Data Retriever; IDC: the comma-separated SeriesInstanceUIDs `idc download` takes; CSV: one row per series with its DICOMweb WADO-RS URL; S5CMD: the s5cmd manifest `idc download-from-manifest` reads (IDC series only, bucket paths from IDC's series index, RG_IDC_SERIES_LOCATIONS)",
});
