// STOW-RS upload for seeding the test Orthanc: one multipart/related request of Part-10 files.
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

export function orthancUrl(): string {
  const url = process.env.ORTHANC_URL;
  if (!url) throw new Error("ORTHANC_URL is not set: run the suite with `npm test`, which starts a real Orthanc, or export ORTHANC_URL=http://127.0.0.1:8042/dicom-web");
  return url;
}
