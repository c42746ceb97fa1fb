// STOW-RS upload of Part-10 files to a DICOMweb server (seeding Orthanc for tests and benches): one multipart/related request.
export async function stowInstances(dicomwebUrl: string, files: Uint8Array[]): Promise<Record<string, any>> {
  const boundary = `rgStow${Date.now()}`;
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const file of files) {
    parts.push(encoder.encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), file, encoder.encode("\r\n"));
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const response = await fetch(`${dicomwebUrl}/studies`, {
    method: "POST",
    headers: { "content-type": `multipart/related; type="application/dicom"; boundary=${boundary}`, accept: "application/dicom+json" },
    body: Buffer.concat(parts),
  });
  if (!response.ok) throw new Error(`STOW-RS failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, any>;
}
