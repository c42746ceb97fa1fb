// An upstream that keeps answering 429 (IDC's proxy: a per-IP daily quota) after the waits it asked for.
import { UpstreamUnavailableError } from "../../compute/errors.js";

export class UpstreamQuotaExceededError extends UpstreamUnavailableError {
  constructor(upstream: string, readonly host: string, readonly hits: number, readonly retryAfterMs: number | undefined) {
    super(
      `${upstream} (${host}) kept answering 429 Too Many Requests: ${hits} times in a row, each after the wait it asked for. ` +
        `Its per-client quota is used up (IDC's proxy has a per-IP daily quota); ` +
        (retryAfterMs !== undefined ? `it asks to wait ${Math.ceil(retryAfterMs / 1000)} s. ` : "") +
        "Resume the job later (finished pages are kept), or lower RG_UPSTREAM_RPS.",
      { upstream, host, hits, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  }
}
