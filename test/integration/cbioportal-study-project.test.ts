// A cBioPortal study's TCGA project comes from its patients (a GDC /cases lookup of their barcodes),
// not from the study's name: a GDC-based study named by an OncoTree code (`soft_tissue`, `ccrcc`) lands
// in its real project, a study the GDC does not know, or one spanning projects, is a typed error that
// asks for the collection. Against the replay server's cBioPortal and GDC, on both stores.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../../cli/services.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { cbioportalIngestJob } from "../../ingest/cbioportal/cbioportal-ingest-job.js";
import { tcgaProjectOfPatients } from "../../ingest/cbioportal/cbioportal-study-project.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import { generateGenomicFixture, startReplayServer, type ReplayServer } from "../support/replay/index.js";
import { BOTH_STORES } from "../support/stores.js";

const fixture = generateGenomicFixture({ seed: 31, projectId: "TCGA-SARC", studyId: "soft_tissue", patientCount: 5 });

describe.each(BOTH_STORES)("cBioPortal study → TCGA project from its patients [$name]", (target) => {
  const h = {} as { store: GraphStore; replay: ReplayServer; services: ReturnType<typeof createServices> };
  beforeAll(async () => {
    h.store = await target.open();
    h.replay = await startReplayServer(fixture);
    h.services = createServices(h.store, pino({ level: "silent" }), { gdcUrl: h.replay.gdcUrl, cbioportalUrl: h.replay.cbioportalUrl });
  });
  afterAll(async () => {
    await h.replay.close();
    await target.dispose(h.store);
  });

  it("puts an OncoTree-named study's patients in the project the GDC has them in", async () => {
    const run = await new JobRunner().run(await cbioportalIngestJob(h.store, h.services.genomics, { studyId: "soft_tissue", steps: ["patients"] }));
    expect(run.status).toBe("SUCCEEDED");
    const patients = await h.store.patientsByIds(fixture.truth.cbioPatients.map((p) => p.id));
    expect(patients).toHaveLength(5);
    expect(new Set(patients.map((p) => p.projectId))).toEqual(new Set(["TCGA-SARC"]));
    expect((await h.store.collectionsOfPatients([patients[0]!.id])).get(patients[0]!.id)?.map((c) => c.id)).toEqual(["TCGA-SARC"]);
    const lookup = h.replay.requests.find((r) => r.fullPath.includes("/cases"));
    expect(lookup?.method).toBe("POST");
  });

  it("refuses a study whose patients the GDC does not know, or that spans projects, asking for the collection", async () => {
    await expect(tcgaProjectOfPatients({ projectsOfBarcodes: async () => new Map() }, "x", ["TCGA-ZZ-0001"])).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("give the collection") });
    const mixed = new Map([["TCGA-A1", "TCGA-BRCA"], ["TCGA-A2", "TCGA-BRCA"], ["TCGA-A3", "TCGA-OV"]]);
    await expect(tcgaProjectOfPatients({ projectsOfBarcodes: async () => mixed }, "pancan", [...mixed.keys()])).rejects.toMatchObject({
      code: "BAD_USER_INPUT", details: { projects: { "TCGA-BRCA": 2, "TCGA-OV": 1 } },
    });
  });
});
