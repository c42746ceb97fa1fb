// Naturalized dataset (keyword → value, as dcmjs names them) → Part-10 bytes, explicit VR little endian.
import dcmjs from "dcmjs";

const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
const IMPLEMENTATION_CLASS_UID = "2.25.280912838457201837491750366419021734";

// compute/image's typings of dcmjs cover reading only; these are the writer parts used here.
interface DcmjsWriter {
  data: {
    DicomDict: new (meta: unknown) => { dict: unknown; write(): ArrayBuffer };
    DicomMetaDictionary: { denaturalizeDataset(dataset: Record<string, unknown>): unknown };
  };
}

export type NaturalDataset = Record<string, unknown>;

/** Writes `dataset` (which must hold SOPClassUID and SOPInstanceUID) as a DICOM Part-10 file. */
export function part10File(dataset: NaturalDataset): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = (dcmjs as unknown as DcmjsWriter).data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
