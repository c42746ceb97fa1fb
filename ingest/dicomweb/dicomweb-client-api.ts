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
}

export function dicomWebCalls(url: string, headers: Record<string, string>, timeoutMs: number): DicomWebCalls {
  // xhr2's timeout is a socket idle timeout; on expiry the request ends with status 0, which is retried.
  // dicomweb-client only runs hooks declared with exactly two parameters (request, metadata).
  const withTimeout = <R extends object>(request: R, _metadata: unknown) => Object.assign(request, { timeout: timeoutMs });
  // verbose false: otherwise the library prints every failed request (whole XHR objects) to the console.
  return new api.DICOMwebClient({ url, headers, verbose: false, singlepart: false, requestHooks: [withTimeout] }) as unknown as DicomWebCalls;
}
