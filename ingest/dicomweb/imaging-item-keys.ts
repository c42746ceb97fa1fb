// Keys of the imaging job's items: a patient barcode, or an unreadable file of a local folder.
export const INVALID_DICOM_FILE_PREFIX = "file:";
