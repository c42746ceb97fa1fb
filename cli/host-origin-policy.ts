// Refuses, before anything executes, the requests a web page could aim at a local server: a Host
// header not on the allow-list (DNS rebinding: evil.example resolving to 127.0.0.1) gets 421, and a
// POST or WebSocket upgrade whose Origin is not on the CORS allow-list gets 403 (CORS only hides the
// answer; the POST itself would run). Hosts (RG_ALLOWED_HOSTS, --allowed-hosts): comma-separated
// names, `loopback` (localhost, 127.0.0.1, [::1]: the default) or `*` for any; ports are ignored.
import type http from "node:http";
import type { RequestHandler } from "express";
import { originAllowed, type CorsOrigins } from "./cors-policy.js";

export type AllowedHosts = readonly string[];

export const DEFAULT_ALLOWED_HOSTS: AllowedHosts = ["loopback"];
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
const WILDCARD_BINDS = new Set(["0.0.0.0", "::", "[::]"]);

export function parseAllowedHosts(text: string | undefined): AllowedHosts {
  if (!text?.trim()) return DEFAULT_ALLOWED_HOSTS;
  return text.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean);
}

/** The allow-list plus the address the server binds to, when that is one address (not 0.0.0.0 / ::). */
export function hostsWithBind(hosts: AllowedHosts, bindHost: string | undefined): AllowedHosts {
  const bind = bindHost?.toLowerCase();
  if (!bind || WILDCARD_BINDS.has(bind) || hosts.includes(bind)) return hosts;
  return [...hosts, bind.includes(":") && !bind.startsWith("[") ? `[${bind}]` : bind];
}

/** The host name of a Host header, without its port: "[::1]:4000" → "[::1]", "Example.org:80" → "example.org". */
export function hostNameOf(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  return host.replace(/:\d*$/, "");
}

export function hostAllowed(hosts: AllowedHosts, header: string | undefined): boolean {
  if (hosts.includes("*")) return true;
  if (!header) return false;
  const name = hostNameOf(header);
  return hosts.includes(name) || (hosts.includes("loopback") && LOOPBACK_HOSTS.has(name));
}

export interface HostOriginPolicy {
  hosts: AllowedHosts;
  origins: CorsOrigins;
}

export interface Refusal {
  status: 421 | 403;
  code: "MISDIRECTED_REQUEST" | "FORBIDDEN";
  message: string;
}

/** Why this request (HTTP or WebSocket upgrade) is refused; undefined when it may go on. */
export function refusalOf(policy: HostOriginPolicy, request: Pick<http.IncomingMessage, "headers" | "method">, upgrade = false): Refusal | undefined {
  const host = request.headers.host;
  if (!hostAllowed(policy.hosts, host))
    return { status: 421, code: "MISDIRECTED_REQUEST", message: `this server does not answer for host '${(host ?? "").slice(0, 100)}': the operator can add it to RG_ALLOWED_HOSTS (or --allowed-hosts)` };
  const origin = request.headers.origin;
  if ((upgrade || request.method === "POST") && origin !== undefined && !originAllowed(policy.origins, origin))
    return { status: 403, code: "FORBIDDEN", message: `requests from origin '${origin.slice(0, 100)}' are not allowed: the operator can add it to RG_CORS_ORIGINS` };
  return undefined;
}

/** Express middleware (first in the chain): refused requests never reach GraphQL, exports or /health. */
export function hostOriginGuard(policy: HostOriginPolicy): RequestHandler {
  return (req, res, next) => {
    const refusal = refusalOf(policy, req);
    if (!refusal) return next();
    res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  };
}

/** For `ws`'s verifyClient: the same checks on a WebSocket upgrade (always an Origin check). */
export function verifyUpgrade(policy: HostOriginPolicy) {
  return (info: { req: http.IncomingMessage }, done: (ok: boolean, status?: number, message?: string) => void): void => {
    const refusal = refusalOf(policy, info.req, true);
    if (refusal) done(false, refusal.status, refusal.message);
    else done(true);
  };
}
