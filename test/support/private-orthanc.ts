// A second, private Orthanc for fault tests that stop and restart the server: its own free port and
// its own state directory (scripts/orthanc.sh honours ORTHANC_PORT and RG_SERVICES_DIR), so the
// suite's shared Orthanc is never touched. Storage survives stop/start; only `start(true)` wipes it.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SCRIPT = resolve("scripts/orthanc.sh");

export interface PrivateOrthanc {
  readonly url: string;
  start(fresh?: boolean): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server and removes its state directory. */
  dispose(): Promise<void>;
}

export async function privateOrthanc(): Promise<PrivateOrthanc> {
  const port = await freePort();
  const servicesDir = await mkdtemp(join(tmpdir(), "rg-orthanc-"));
  const env = { ...process.env, ORTHANC_PORT: String(port), RG_SERVICES_DIR: servicesDir };
  const script = (...args: string[]) => run("bash", [SCRIPT, ...args], { env });
  return {
    url: `http://127.0.0.1:${port}/dicom-web`,
    start: async (fresh = false) => void (await script("start", ...(fresh ? ["--fresh"] : []))),
    stop: async () => void (await script("stop")),
    dispose: async () => {
      await script("stop");
      await rm(servicesDir, { recursive: true, force: true });
    },
  };
}

// A port the kernel just handed out and took back: free unless another process grabs it meanwhile.
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
