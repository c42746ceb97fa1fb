// Child process of bench/ingest: builds one lesion's volume and mask from a DICOMweb server (no pixel
// cache, as a cold ingest does) and prints its memory high-water mark against a baseline taken just
// before, as JSON on stdout. Run alone: node dist/bench/ingest-memory.child.js '<json {url, ref}>'.
import { readFileSync } from "node:fs";
import { DicomWebArchive } from "../ingest/dicomweb/dicomweb-archive.js";
import { instanceLoader } from "../ingest/dicomweb/instance-loader.js";
import { loadLesionVolumeAndMask, type LesionRef } from "../ingest/dicomweb/lesion-volume.js";

interface ChildInput {
  readonly url: string;
  readonly ref: LesionRef;
}

// The kernel's resident high-water mark (VmHWM, KiB) of this process; the baseline is what start-up reached.
const maxRssBytes = () => Number(/VmHWM:\s*(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;

async function main(): Promise<void> {
  const { url, ref } = JSON.parse(process.argv[2]!) as ChildInput;
  const archive = new DicomWebArchive({ url });
  let heapPeak = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heapPeak = Math.max(heapPeak, usage.heapUsed + usage.arrayBuffers);
  };
  const sampler = setInterval(sample, 2);
  const baselineRss = maxRssBytes();
  const baselineHeap = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const { volume, mask } = await loadLesionVolumeAndMask(archive, instanceLoader(archive), ref);
  sample();
  clearInterval(sampler);
  const voxels = mask.data.reduce((sum, v) => sum + v, 0);
  process.stdout.write(
    JSON.stringify({
      size: volume.geometry.size,
      volumeBytes: volume.data.byteLength,
      maskBytes: mask.data.byteLength,
      maskVoxels: voxels,
      rssIncrease: maxRssBytes() - baselineRss,
      heapArrayBuffersIncrease: heapPeak - baselineHeap,
    }),
  );
}

await main();
