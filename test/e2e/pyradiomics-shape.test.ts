// Lesion.features with profile PYRADIOMICS and a params file enabling shape (all 17 features, deprecated
// ones by name) or shape2D with force2D, over GraphQL on both stores: values equal real pyradiomics 3.0.1
// (fixture from scripts/fixtures/pyradiomics-shape.py) within 1e-6 relative; a mask pyradiomics' shape2D
// refuses reaches the client as BAD_USER_INPUT.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Geometry, Vec3 } from "../../compute/image/volume.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import type { LesionImageSource } from "../../ingest/features/lesion-image-source.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

interface ShapeCase { readonly name: string; readonly size: Vec3; readonly spacing: Vec3; readonly mask: number[]; readonly params: string; readonly features?: Record<string, number> }
const cases = (JSON.parse(readFileSync(path.join(import.meta.dirname, "../compute/features/fixtures/pyradiomics-shape-reference.json"), "utf8")) as { cases: ShapeCase[] }).cases;
const byName = (name: string) => cases.find((c) => c.name === name)!;

const cohort = demoCohort();
const lesion = cohort.lesions[0]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;

/** Serves one fixture mask for the demo lesion; which one is chosen per test. */
let served = byName("ellipsoid, anisotropic spacing");
const fixtureImages: LesionImageSource = {
  serves: (l) => l.id === lesion.id,
  load: async () => {
    const geometry: Geometry = { size: served.size, spacing: served.spacing, origin: [0, 0, 0], direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
    return { volume: { geometry, data: new Float32Array(served.mask.length) }, mask: { geometry, data: Uint8Array.from(served.mask) }, source: `pyradiomics shape fixture: ${served.name}` };
  },
};

const QUERY = `query($patient: ID!, $settings: FeatureSettingsInput) {
  patient(id: $patient) { studies { series { lesions { id features(settings: $settings) { name family value undefinedReason } } } } }
}`;

function featuresIn(data: any): any[] {
  return data.patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions)).find((l: any) => l.id === lesion.id).features;
}

describe.each(BOTH_STORES)("pyradiomics shape and shape2D over GraphQL [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort, services: { imageSources: [fixtureImages] } });

  // First: the disc case below has the same params, and its stored answer would serve this lesion afterwards.
  it("a mask two slices thick for shape2D along force2Ddimension is BAD_USER_INPUT, as pyradiomics refuses it", async () => {
    served = byName("shape2D refused: two slices thick along force2Ddimension");
    const { errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings: { profile: "PYRADIOMICS", pyradiomicsParams: served.params } });
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toMatch(/more than one voxel thick along force2Ddimension 0/);
  });

  for (const name of ["ellipsoid, anisotropic spacing", "shape2D: disc with a hole in a slice, force2Ddimension 0"]) {
    it(`${name}: pyradiomics' names and values`, async () => {
      served = byName(name);
      const { data, errors } = await graphql(platform.server.graphqlUrl, QUERY, { patient: patientId, settings: { profile: "PYRADIOMICS", pyradiomicsParams: served.params } });
      expect(errors).toBeUndefined();
      const features = featuresIn(data);
      expect(features.map((f: any) => f.name).sort()).toEqual(Object.keys(served.features!).sort());
      for (const f of features) {
        expect(f.value, `${f.name}: ${f.undefinedReason}`).not.toBeNull();
        const reference = served.features![f.name]!;
        expect(Math.abs(f.value - reference) / Math.abs(reference), f.name).toBeLessThanOrEqual(1e-6);
        expect(f.family).toBe(f.name.split("_")[1]);
      }
    });
  }

});
