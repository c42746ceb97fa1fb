// The built server as an operator starts it (`radiogenomics serve --demo`), as a child process on
// loopback, so a crash or an out-of-memory kill shows as its exit and its RSS can be read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { CLI, CLI_ENV } from "../cli-process.js";

export interface ServerUnderFuzz {
  readonly graphqlUrl: string;
  readonly healthUrl: string;
  readonly pid: number;
  /** Exit code or signal once the process ended; undefined while it runs. */
  exited(): string | undefined;
  /** Resident set size in MB (VmRSS). */
  rssMb(): Promise<number>;
  stderrTail(): string;
  stop(): Promise<void>;
}

export function startServerUnderFuzz(args: string[], env: NodeJS.ProcessEnv): Promise<ServerUnderFuzz> {
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], { env: { ...CLI_ENV, ...env } });
  let stdout = "";
  let stderr = "";
  let exit: string | undefined;
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-20_000)));
  const closed = new Promise<void>((resolve) => child.on("close", (code, signal) => ((exit = signal ?? String(code)), resolve())));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      stdout += d;
      const match = /GraphQL API: (\S+)/.exec(stdout);
      if (!match) return;
      const graphqlUrl = match[1]!;
      resolve({
        graphqlUrl,
        healthUrl: graphqlUrl.replace(/\/graphql$/, "/health"),
        pid: child.pid!,
        exited: () => exit,
        rssMb: async () => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024,
        stderrTail: () => stderr.slice(-4_000),
        async stop() {
          if (exit === undefined) child.kill("SIGTERM");
          await closed;
        },
      });
    });
    void closed.then(() => reject(new Error(`serve exited (${exit}) before announcing its URL: ${stderr.slice(-4_000)}`)));
  });
}
