// dicomweb-client rejects with an Error carrying the HTTP status (0 when the connection failed);
// this turns it into the platform's typed errors.
import { NotFoundError, PlatformError, UpstreamUnavailableError } from "../../compute/errors.js";

interface DicomWebClientError {
  status?: number;
  response?: unknown;
}

export function dicomWebError(error: unknown, upstream: string, what: { kind: string; id: string }): PlatformError {
  if (error instanceof PlatformError) return error;
  const status = (error as DicomWebClientError)?.status;
  if (status === 404) return new NotFoundError(what.kind, what.id);
  if (status === 401) return new PlatformError("UNAUTHENTICATED", `${upstream} refused the credentials (HTTP 401) for ${what.kind} ${what.id}`, { status });
  if (status === 403) return new PlatformError("FORBIDDEN", `${upstream} forbids access (HTTP 403) to ${what.kind} ${what.id}`, { status });
  const reason = status === undefined || status === 0 ? `could not be reached (${(error as Error)?.message ?? String(error)})` : `answered HTTP ${status}`;
  return new UpstreamUnavailableError(`${upstream} ${reason} while reading ${what.kind} ${what.id}`, { status, ...what });
}
