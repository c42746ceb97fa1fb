// The built CLI as a child process, as an operator runs it (npm test builds dist/ first): one-shot
// commands, and long-running ones (serve, gateway) that announce their URL on stdout.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const CLI = path.resolve(import.meta.dirname, "../../dist/cli/radiogenomics.js");

// The CLI reads NEO4J_URI as the default store; the children get it only through --neo4j.
const { NEO4J_URI: _ignored, ...parentEnv } = process.env;
export const CLI_ENV: NodeJS.ProcessEnv = { ...parentEnv, LOG_LEVEL: "warn" };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = CLI_ENV): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Long-running commands started by one suite; `stopAll` ends them (afterEach / afterAll). */
export class CliProcesses {
  private readonly children: ChildProcess[] = [];

  /** Starts a command and resolves with the first match of `announce` on its stdout (its groups joined by '#'). */
  start(args: string[], announce: RegExp, env: NodeJS.ProcessEnv = CLI_ENV, onOutput?: (chunk: string) => void): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { env });
      this.children.push(child);
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
        onOutput?.(String(d));
      });
      child.stdout.on("data", (d) => {
        stdout += d;
        onOutput?.(String(d));
        const match = announce.exec(stdout);
        if (match) resolve(match.slice(1).join("#"));
      });
      child.on("close", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr}`)));
    });
  }

  /** Sends `signal` (e.g. SIGKILL: a crash) to every started command and resolves once all have exited. */
  async killAll(signal: NodeJS.Signals): Promise<void> {
    const children = this.children.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    })));
  }

  stopAll(): void {
    for (const child of this.children.splice(0)) child.kill("SIGTERM");
  }
}
