// QIDO-RS series search across the whole archive (`GET {root}/series`), one page at a time with
// limit/offset (PS3.18 §8.3.4.4). Orthanc 1.10 and IDC's proxy both honour them; Orthanc pages in its
// index order (insertion order), so pages are disjoint and stable while the archive only grows.
// Every request goes through the host's UpstreamLimiter (bounded concurrency, shared rate, 429 pause).
import type { Logger } from "pino";
import { limitedFetchJson, type RateLimitedNotice } from "../http/limited-fetch.js";
import { upstreamLimiterFor, type UpstreamLimiter } from "../http/upstream-limiter.js";

/** One series as QIDO-RS JSON (tag → { vr, Value }). */
export type QidoJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

export interface QidoSeriesFilter {
  /** One modality (Orthanc 1.10 would not decode a backslash list). */
  readonly modality?: string;
  /** A StudyDate value or range, YYYYMMDD-YYYYMMDD. */
  readonly studyDate?: string;
}

export interface QidoSeriesPagesOptions {
  /** DICOMweb root (…/dicomWeb or …/dicom-web). */
  readonly url: string;
  readonly headers?: Record<string, string>;
  /** limit per request (default 1000; Google's Healthcare API caps unpaged answers at 100 studies, series at 1000). */
  readonly pageSize?: number;
  readonly upstream?: string;
  /** Default: the process's limiter for the URL's host. */
  readonly limiter?: UpstreamLimiter;
  readonly logger?: Pick<Logger, "warn">;
  readonly onRateLimited?: (notice: RateLimitedNotice) => void;
  readonly maxRateLimitHits?: number;
}

// StudyDescription and BodyPartExamined are not in Orthanc's default series answer.
const INCLUDE_FIELDS = ["00081030", "00180015"];

export class QidoSeriesPages {
  readonly url: string;
  readonly pageSize: number;
  readonly limiter: UpstreamLimiter;

  constructor(private readonly options: QidoSeriesPagesOptions) {
    this.url = options.url.replace(/\/+$/, "");
    this.pageSize = options.pageSize ?? 1000;
    this.limiter = options.limiter ?? upstreamLimiterFor(this.url);
  }

  /** Page `index` (offset index × pageSize); shorter than pageSize at the end, [] past it. */
  async page(index: number, filter: QidoSeriesFilter = {}, signal?: AbortSignal): Promise<QidoJson[]> {
    const { options } = this;
    const found = await limitedFetchJson<QidoJson[] | null>(this.pageUrl(index, filter), {
      upstream: options.upstream ?? `DICOMweb server ${this.url}`,
      limiter: this.limiter,
      headers: options.headers,
      signal,
      logger: options.logger,
      onRateLimited: options.onRateLimited,
      maxRateLimitHits: options.maxRateLimitHits,
    });
    return found ?? [];
  }

  pageUrl(index: number, filter: QidoSeriesFilter): string {
    const query = [`limit=${this.pageSize}`, `offset=${index * this.pageSize}`, ...INCLUDE_FIELDS.map((tag) => `includefield=${tag}`)];
    if (filter.modality) query.push(`Modality=${encodeURIComponent(filter.modality)}`);
    if (filter.studyDate) query.push(`StudyDate=${filter.studyDate}`); // '-' left as is: Orthanc 1.10 does not percent-decode
    return `${this.url}/series?${query.join("&")}`;
  }
}
