// What an HttpClient error says about the upstream's answer. The HttpClient port does not fix an error
// type; AxiosHttpClient's errors (ingest/http/http-errors.ts) carry `details.status` and
// `details.upstreamMessage`. Other shapes (status/body on the error) are read too; this never throws.

export interface UpstreamFailure {
  status: number | null;
  /** The upstream's own message (GDC `message`/`error`, cBioPortal `message`, Reactome `messages`). */
  message: string | null;
}

export function upstreamFailureOf(error: unknown): UpstreamFailure {
  const e = (error ?? {}) as Record<string, any>;
  const status = firstNumber(e.details?.status, e.status, e.response?.status);
  const said = e.details?.upstreamMessage;
  return { status, message: typeof said === "string" ? said : messageOf(e.details?.body ?? e.body ?? e.response?.data) };
}

function firstNumber(...values: unknown[]): number | null {
  for (const value of values) if (typeof value === "number" && Number.isFinite(value)) return value;
  return null;
}

function messageOf(body: unknown): string | null {
  if (typeof body === "string") {
    try {
      return messageOf(JSON.parse(body));
    } catch {
      return null;
    }
  }
  if (body === null || typeof body !== "object") return null;
  const b = body as Record<string, unknown>;
  if (typeof b.message === "string") return b.message;
  if (typeof b.error === "string") return b.error;
  if (Array.isArray(b.messages) && b.messages.length > 0) return b.messages.map(String).join("; ");
  return null;
}
