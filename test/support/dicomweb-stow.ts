// STOW-RS lives in ingest/demo/dicom/ (the ingest bench seeds Orthanc with it); the tests' Orthanc URL stays here.
export { stowInstances } from "../../ingest/demo/dicom/stow-instances.js";

export function orthancUrl(): string {
  const url = process.env.ORTHANC_URL;
  if (!url) throw new Error("ORTHANC_URL is not set: run the suite with `npm test`, which starts a real Orthanc, or export ORTHANC_URL=http://127.0.0.1:8042/dicom-web");
  return url;
}
