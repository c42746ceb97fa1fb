// The platform's version (package.json), recorded with saved cohorts as provenance. Found by walking up
// from this file, so it reads the same from the sources (tests) and from dist/ (the built server).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function platformVersion(): string {
  if (cached) return cached;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "radiogenomics" && pkg.version) return (cached = `radiogenomics ${pkg.version}`);
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) return (cached = "radiogenomics (unknown version)");
  }
}
