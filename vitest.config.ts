import { defineConfig } from "vitest/config";

// Integration suites share real servers (Neo4j, Orthanc) started by scripts/test.sh, so files run
// one at a time; pure suites are fast enough that this costs little.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
