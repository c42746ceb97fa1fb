// Which browser origins may call the API cross-origin (RG_CORS_ORIGINS): a comma-separated list of
// exact origins, `loopback` (any port on localhost, 127.0.0.1 or [::1]: the default, for a local
// notebook or UI), or `*` for any origin. Non-browser clients (curl, the CLI, Python) are unaffected.
import cors from "cors";
import type { RequestHandler } from "express";

export type CorsOrigins = readonly string[];

export const DEFAULT_CORS_ORIGINS: CorsOrigins = ["loopback"];
const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function parseCorsOrigins(text: string | undefined): CorsOrigins {
  if (!text?.trim()) return DEFAULT_CORS_ORIGINS;
  return text.split(",").map((origin) => origin.trim().replace(/\/$/, "")).filter(Boolean);
}

export function originAllowed(origins: CorsOrigins, origin: string): boolean {
  return origins.includes("*") || origins.includes(origin) || (origins.includes("loopback") && LOOPBACK.test(origin));
}

/** CORS headers for allowed origins only; others get none, so the browser blocks the response. */
export function corsMiddleware(origins: CorsOrigins): RequestHandler {
  return cors({
    origin: (origin, done) => done(null, origin === undefined || originAllowed(origins, origin)),
    allowedHeaders: ["content-type", "x-api-key", "apollo-require-preflight"],
    exposedHeaders: ["retry-after"],
    maxAge: 600,
  });
}
