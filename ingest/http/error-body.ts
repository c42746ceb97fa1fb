// Turns an upstream's error body into something a researcher can read: the message of a JSON error
// (cBioPortal/GDC `message`, GDC `error`, Reactome `messages[]`, `detail`), or the visible text of an
// HTML error page with the tags stripped — never raw HTML.

export interface ErrorBodySummary {
  /** The upstream's own error message (JSON bodies), when it has one. */
  upstreamMessage?: string;
  /** Short readable text of the body (JSON message, HTML text or plain text), when any. */
  excerpt?: string;
  isHtml: boolean;
}

const EXCERPT_LENGTH = 200;

export function summarizeErrorBody(body: string, contentType: string | undefined): ErrorBodySummary {
  const trimmed = body.trim();
  if (trimmed === "") return { isHtml: false };
  if (looksLikeHtml(trimmed, contentType)) {
    return { isHtml: true, excerpt: optionalText(shorten(htmlToText(trimmed))) };
  }
  const upstreamMessage = jsonErrorMessage(trimmed);
  const excerpt = shorten(upstreamMessage ?? collapseWhitespace(trimmed));
  return { isHtml: false, upstreamMessage: optionalText(upstreamMessage ?? ""), excerpt };
}

export function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  if (contentType !== undefined && /\bhtml\b/i.test(contentType)) return true;
  return /^(<!doctype html|<html|<head|<body)/i.test(body.trimStart());
}

/** The visible text of an HTML page: title and body text, scripts/styles dropped, entities decoded. */
export function htmlToText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? "";
  const withoutInvisible = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ");
  const bodyText = collapseWhitespace(decodeEntities(withoutInvisible.replace(/<[^>]*>/g, " ")));
  const titleText = collapseWhitespace(decodeEntities(title.replace(/<[^>]*>/g, " ")));
  if (titleText === "" || bodyText.startsWith(titleText)) return bodyText || titleText;
  return `${titleText}: ${bodyText}`;
}

function jsonErrorMessage(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  for (const field of ["message", "error", "detail", "reason"]) {
    const value = record[field];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  const messages = record["messages"];
  if (Array.isArray(messages) && messages.every((m) => typeof m === "string") && messages.length > 0) {
    return messages.join("; ");
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function shorten(text: string, max = EXCERPT_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function optionalText(text: string): string | undefined {
  return text === "" ? undefined : text;
}
