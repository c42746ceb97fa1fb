// dicomweb-client needs a global XMLHttpRequest; Node 20 has none. xhr2 is the polyfill that works
// for every call (reference A.3). The import order below makes the global exist before the library loads.
import "./xhr-polyfill.js";
import { api } from "dicomweb-client";

type DicomJson = Record<string, unknown>;

/** The calls used here, typed as they behave (the shipped typings mark searches synchronous and options required). */
export interface DicomWebCalls {
  searchForStudies(options: { queryParams?: Record<string, string> }): Promise<DicomJson[]>;
  searchForSeries(options: { studyInstanceUID?: string; queryParams?: Record<string, string> }): Promise<DicomJson[]>;
  retrieveSeriesMetadata(options: { studyInstanceUID: string; seriesInstanceUID: string }): Promise<DicomJson[]>;
  /** Omit mediaTypes: 0.11.3 throws on any explicit one for instances (reference A.3 gotcha 1). */
  retrieveInstance(options: { studyInstanceUID: string; seriesInstanceUID: string; sopInstanceUID: string }): Promise<ArrayBuffer>;
}

export function dicomWebCalls(url: string, headers: Record<string, string>): DicomWebCalls {
  // verbose false: otherwise the library prints every failed request (whole XHR objects) to the console.
  return new api.DICOMwebClient({ url, headers, verbose: false, singlepart: false }) as unknown as DicomWebCalls;
}
