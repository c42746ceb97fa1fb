export { startReplayServer, type ReplayServer, type LoggedRequest } from "./replay-server.js";
export { generateGenomicFixture, type GenomicFixture, type GenomicFixtureOptions, type GenomicTruth } from "./genomic-fixture.js";
export type { Fault, FaultRule } from "./faults.js";
export * from "./gmt-fixture.js";
export { collect, rounded, sortedBy } from "./record-matchers.js";
