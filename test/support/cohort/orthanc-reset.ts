// Orthanc keeps the first copy of a re-STOWed instance (OverwriteInstances is off), so a changed
// cohort with the same UIDs would not replace the old one. Tests delete the cohort's patients through
// Orthanc's own REST API (not DICOMweb, which has no delete) before seeding.

/** Deletes every patient with one of these PatientIDs; `dicomwebUrl` is Orthanc's …/dicom-web root. */
export async function deleteOrthancPatients(dicomwebUrl: string, patientIds: readonly string[]): Promise<void> {
  const root = dicomwebUrl.replace(/\/dicom-web\/?$/, "");
  for (const patientId of patientIds) {
    const found = await fetch(`${root}/tools/find`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ Level: "Patient", Query: { PatientID: patientId } }),
    });
    if (!found.ok) throw new Error(`Orthanc /tools/find failed: HTTP ${found.status} ${await found.text()}`);
    for (const id of (await found.json()) as string[]) {
      const deleted = await fetch(`${root}/patients/${id}`, { method: "DELETE" });
      if (!deleted.ok) throw new Error(`Orthanc DELETE /patients/${id} failed: HTTP ${deleted.status}`);
    }
  }
}
