// Builds query strings that upstreams read correctly. Arrays repeat the key (a=1&a=2). Values are
// percent-encoded only where needed: characters RFC 3986 allows in a query (, : / @ ! $ ' ( ) * ;)
// stay literal, because some servers (Orthanc 1.10 DICOMweb) never decode %2C and friends.
// `&`, `=`, `#`, `+`, `%`, space and non-ASCII are always encoded.

import type { HttpRequest } from "./http-client.js";

export type QueryParams = NonNullable<HttpRequest["query"]>;

const LITERAL_BY_DEFAULT = ",:/@!$'()*;";

/** `?a=1&b=x,y` (or "" when nothing to send). `extraLiteralChars` keeps e.g. "^" unencoded. */
export function buildQueryString(query: QueryParams | undefined, extraLiteralChars = ""): string {
  if (query === undefined) return "";
  const literal = new Set(LITERAL_BY_DEFAULT + extraLiteralChars);
  const pairs: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    for (const value of valuesOf(raw)) {
      pairs.push(`${encodeQueryComponent(key, literal)}=${encodeQueryComponent(value, literal)}`);
    }
  }
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}

function valuesOf(raw: QueryParams[string]): string[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw)) return raw.map(String);
  return [String(raw)];
}

/** encodeURIComponent, then restores the characters that may stay literal. */
export function encodeQueryComponent(value: string, literal: ReadonlySet<string>): string {
  return encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return literal.has(char) ? char : escape;
  });
}

/** Joins a base URL and a relative path the way axios does; absolute URLs pass through. */
export function resolveUrl(baseUrl: string | undefined, url: string): string {
  if (/^[a-z][a-z\d+\-.]*:\/\//i.test(url) || baseUrl === undefined) return url;
  return `${baseUrl.replace(/\/+$/, "")}/${url.replace(/^\/+/, "")}`;
}
