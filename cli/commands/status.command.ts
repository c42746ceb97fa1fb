// `radiogenomics status --server URL`: asks a running server (which holds the embedded store's lock).
import type { Command } from "commander";
import { UpstreamUnavailableError } from "../../compute/errors.js";

export function statusCommand(program: Command): void {
  program
    .command("status")
    .description("show what a running server holds (store, node and relationship counts)")
    .option("--server <url>", "base URL of a running server (env RG_SERVER)", process.env.RG_SERVER ?? "http://127.0.0.1:4000")
    .action(async (flags: { server: string }) => {
      let response: Response;
      try {
        response = await fetch(new URL("/health", flags.server));
      } catch (error) {
        throw new UpstreamUnavailableError(`No radiogenomics server answers at ${flags.server} (${(error as Error).message}). Start one with 'npm start'.`);
      }
      process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
    });
}
