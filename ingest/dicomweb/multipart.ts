// A minimal multipart/related decoder for WADO-RS responses fetched without dicomweb-client. The
// boundary is taken from Content-Type; Orthanc may put parameters inside the quoted type (reference
// A.2), so the boundary is matched wherever it appears. Each part is copied out into its own buffer: the
// DICOM reader takes a whole ArrayBuffer without copying, and the body is freed once split.

export function multipartParts(body: Uint8Array, contentType: string): Uint8Array[] {
  const boundary = contentType.match(/boundary="?([^";]+)"?/i)?.[1];
  if (!boundary) return [body];
  const delimiter = Buffer.from(`--${boundary}`);
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const parts: Uint8Array[] = [];
  let start = buffer.indexOf(delimiter);
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    if (buffer.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") break; // closing delimiter
    const headersEnd = buffer.indexOf("\r\n\r\n", afterDelimiter);
    const next = buffer.indexOf(delimiter, headersEnd + 4);
    if (headersEnd < 0 || next < 0) break;
    // The CRLF before a delimiter belongs to it.
    parts.push(body.slice(headersEnd + 4, next - 2));
    start = next;
  }
  return parts;
}
