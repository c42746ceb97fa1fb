// Typed errors shared by every layer. Each carries a stable code that the GraphQL layer copies to
// `extensions.code`, and a message a researcher can act on.

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UPSTREAM_UNAVAILABLE"
  | "STORE_UNAVAILABLE"
  | "INVALID_DICOM"
  | "GEOMETRY_MISMATCH"
  | "UNDEFINED_FEATURE"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "TIMEOUT"
  | "INTERNAL";

export class PlatformError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something we cannot use (malformed filter, unknown gene, bad settings). */
export class BadUserInputError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("BAD_USER_INPUT", message, details);
  }
}

/** A thing asked for by id does not exist. */
export class NotFoundError extends PlatformError {
  constructor(kind: string, id: string) {
    super("NOT_FOUND", `${kind} '${id}' was not found`, { kind, id });
  }
}

/** A public API or DICOMweb server failed, timed out or kept rate-limiting us. */
export class UpstreamUnavailableError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("UPSTREAM_UNAVAILABLE", message, details);
  }
}

/** The graph store cannot be reached or refused the operation. */
export class StoreUnavailableError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("STORE_UNAVAILABLE", message, details);
  }
}

/** A DICOM object is malformed or lacks what the operation needs. */
export class InvalidDicomError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("INVALID_DICOM", message, details);
  }
}

/** A mask, segmentation or volume does not fit the image grid it claims to belong to. */
export class GeometryMismatchError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("GEOMETRY_MISMATCH", message, details);
  }
}

/** The caller sent more requests (or costlier ones) than its rate limit allows; retry after `retryAfterSeconds`. */
export class RateLimitedError extends PlatformError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", message, { retryAfterSeconds });
  }
}

/** A resolver took longer than the server allows for one request. */
export class ResolverTimeoutError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("TIMEOUT", message, details);
  }
}
