// Minimal typings for the parts of dcmjs (0.51, untyped JavaScript) that compute/image uses.
declare module "dcmjs" {
  /** A DICOM JSON element ("00200032": { vr, Value }) as dcmjs reads and writes it. */
  interface DicomJsonElement {
    vr?: string;
    Value?: unknown[];
    InlineBinary?: string;
    BulkDataURI?: string;
  }
  type DicomJsonDataset = Record<string, DicomJsonElement>;
  type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "silent";

  interface ReadFileOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }

  interface DicomDict {
    meta: DicomJsonDataset;
    dict: DicomJsonDataset;
  }

  const dcmjs: {
    data: {
      DicomMessage: {
        readFile(buffer: ArrayBuffer, options?: ReadFileOptions): DicomDict;
      };
      DicomMetaDictionary: {
        naturalizeDataset(dataset: DicomJsonDataset): Record<string, unknown>;
      };
    };
    log: {
      getLevel(): number;
      setLevel(level: LogLevel | number, persist?: boolean): void;
      getLogger(name: string): { setLevel(level: LogLevel | number, persist?: boolean): void };
    };
  };
  export default dcmjs;
}
