// pyradiomics 3.0.1's LBP3D (imageoperations.getLBP3DImage) against the real library: fixtures from
// scripts/fixtures/pyradiomics-lbp3d.py, run in a side venv with SciPy 1.16.3 (the last with sph_harm) and
// trimesh 5.2.0 (versions inside the fixture). 11×9×7 volume of 0.8×1.1×2.5 mm, float64 and int16, an inner
// ellipsoid (label 1) and a block on two image faces (label 2: samples outside the image), default and
// non-default lbp3D* settings, and the int16 values as float64 (neighbours equal to the centre: ties decided by
// the last bit of the spline sample), and a flat block inside the ROI (every sample ties). trimesh's icosphere vertices must be bit-identical; every ROI voxel of
// every image within 1e-14 relative (absolute below 1): pyradiomics' sums over the sphere run in another order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PlatformError } from "../../../compute/errors.js";
import { lbp3DImages, type Lbp3DParams } from "../../../compute/filters/pyradiomics/lbp-3d-image.js";
import { correctlyRoundedPow } from "../../../compute/filters/pyradiomics/scipy-map-coordinates.js";
import { sphHarm } from "../../../compute/filters/pyradiomics/spherical-harmonics.js";
import { icosphereVertices } from "../../../compute/filters/pyradiomics/trimesh-icosphere.js";

interface Fixture {
  versions: Record<string, string>;
  size: [number, number, number];
  real: number[];
  flatBlock: number[];
  integer: number[];
  labels: number[];
  polePowers: number[];
  sphHarm: [number, number, number, number, number, number][];
  icospheres: { subdivisions: number; radius: number; vertices: number[][] }[];
  cases: { name: string; image: "real" | "integer" | "integerValued" | "flatBlock"; pixelType: string; label: number; params: Lbp3DParams; images: Record<string, number[]> }[];
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/pyradiomics-lbp3d.json", import.meta.url), "utf8")) as Fixture;

describe("pyradiomics LBP3D against pyradiomics 3.0.1 (SciPy 1.16.3, trimesh 5.2.0)", () => {
  it("records the library versions", () => {
    expect(fixture.versions).toMatchObject({ pyradiomics: "v3.0.1", scipy: "1.16.3", trimesh: "5.2.0" });
  });

  it("trimesh's icosphere: every vertex bit for bit, in trimesh's order (0 to 3 subdivisions, radius 0.75 to 2)", () => {
    for (const s of fixture.icospheres) expect(Array.from(icosphereVertices(s.subdivisions, s.radius)), `${s.subdivisions} ${s.radius}`).toEqual(s.vertices.flat());
  });

  it("z^k of SciPy's spline pole bit for bit as libm's pow (Python math.pow) gives it, k = 0 … 536", () => {
    const z = -0.267949192431122706472553658494127633;
    expect(fixture.polePowers.map((_, k) => correctlyRoundedPow(z, k))).toEqual(fixture.polePowers);
  });

  it("spherical harmonics in scipy.special.sph_harm's convention (theta azimuthal, phi polar), n ≤ 5, within 1e-14", () => {
    let worst = 0;
    for (const [m, n, theta, phi, re, im] of fixture.sphHarm) {
      const y = sphHarm(m, n, theta, phi);
      worst = Math.max(worst, Math.abs(y.re - re), Math.abs(y.im - im));
    }
    expect(fixture.sphHarm.length).toBe(36 * 5);
    expect(worst).toBeLessThanOrEqual(1e-14);
  });

  for (const c of fixture.cases) {
    it(`${c.name}: every ROI voxel of ${Object.keys(c.images).join(", ")}`, () => {
      expect(c.pixelType).toBe(c.image === "integer" ? "16-bit signed integer" : "64-bit float");
      const data = c.image === "real" ? fixture.real : c.image === "flatBlock" ? fixture.flatBlock : fixture.integer;
      const roi = Uint8Array.from(fixture.labels, (l) => (l === c.label ? 1 : 0));
      const out = lbp3DImages({ size: fixture.size, data, integer: c.image === "integer" }, roi, c.params);
      expect(out.map((o) => o.name)).toEqual(Object.keys(c.images));
      for (const o of out) {
        const ref = c.images[o.name]!;
        const ours = Array.from(o.data).filter((_, v) => roi[v]);
        expect(ours.length).toBe(ref.length);
        let worst = 0;
        ref.forEach((r, v) => { worst = Math.max(worst, Math.abs(ours[v]! - r) / Math.max(Math.abs(r), 1)); });
        expect(worst, o.name).toBeLessThanOrEqual(1e-14);
        // The kurtosis and the level-0 image involve no complex sums: equal bit for bit.
        if (o.name === "lbp-3D-k" || o.name === "lbp-3D-m1") expect(ours, o.name).toEqual(ref);
        expect(o.data.filter((_, v) => !roi[v]).every((x) => x === 0)).toBe(true);
      }
    });
  }

  it("the integer-valued case has ties (an axis neighbour equal to the centre), so the bit-exact sampling is exercised", () => {
    const [nx, ny] = fixture.size;
    let ties = 0;
    fixture.labels.forEach((l, v) => {
      if (l !== 2) return;
      for (const d of [1, -1, nx, -nx, nx * ny, -nx * ny]) if (fixture.integer[v + d] === fixture.integer[v]) ties++;
    });
    expect(ties).toBeGreaterThan(0);
  });

  it("a box of the image gives the same voxels as the whole image", () => {
    const roi = Uint8Array.from(fixture.labels, (l) => (l === 2 ? 1 : 0));
    const whole = lbp3DImages({ size: fixture.size, data: fixture.real }, roi, { lbp3DIcosphereRadius: 1.5 });
    const box = { lower: [0, 2, 3], upper: [3, 6, 6] } as const;
    const boxed = lbp3DImages({ size: fixture.size, data: fixture.real }, roi, { lbp3DIcosphereRadius: 1.5 }, box);
    const [nx, ny] = fixture.size;
    for (let l = 0; l < whole.length; l++) {
      const expected: number[] = [];
      for (let k = 3; k <= 6; k++) for (let j = 2; j <= 6; j++) for (let i = 0; i <= 3; i++) expected.push(whole[l]!.data[i + nx * (j + ny * k)]!);
      expect(Array.from(boxed[l]!.data)).toEqual(expected);
    }
  });

  it("refuses lbp3DLevels 1 (pyradiomics 3.0.1 fails on it), a radius ≤ 0 and a subdivision that is not 0 … 5, by name", () => {
    const input = { size: fixture.size, data: fixture.real };
    const roi = Uint8Array.from(fixture.labels);
    for (const [params, key] of [[{ lbp3DLevels: 1 }, "lbp3DLevels"], [{ lbp3DLevels: 2.5 }, "lbp3DLevels"], [{ lbp3DIcosphereRadius: -1 }, "lbp3DIcosphereRadius"],
      [{ lbp3DIcosphereSubdivision: 6 }, "lbp3DIcosphereSubdivision"], [{ lbp3DIcosphereSubdivision: -1 }, "lbp3DIcosphereSubdivision"]] as const) {
      expect(() => lbp3DImages(input, roi, params)).toThrow(PlatformError);
      expect(() => lbp3DImages(input, roi, params)).toThrow(new RegExp(key));
    }
  });
});
