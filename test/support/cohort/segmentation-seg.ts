// Moved to ingest/demo/dicom/ (the demo writes DICOM files with it); kept here for the tests.
export * from "../../../ingest/demo/dicom/segmentation-seg.js";
