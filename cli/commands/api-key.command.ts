// `radiogenomics api-key create`: a new key for the server's mutations; only its hash is configured.
import type { Command } from "commander";
import { BadUserInputError } from "../../compute/errors.js";
import { createApiKey, SCOPES, type Scope } from "../../resolvers/api-keys.js";

export function apiKeyCommand(program: Command): void {
  program
    .command("api-key")
    .description("manage API keys for mutations (ingest, compute, analysis, cohort writes)")
    .command("create")
    .description("print a new API key and the RG_API_KEYS entry (its sha256 hash) that grants the scopes")
    .option("--scopes <scope...>", `scopes: ${SCOPES.join(", ")} or *`, ["*"])
    .action((flags: { scopes: string[] }) => {
      const all = flags.scopes.includes("*");
      const unknown = flags.scopes.filter((s) => s !== "*" && !SCOPES.includes(s as Scope));
      if (unknown.length) throw new BadUserInputError(`unknown scopes: ${unknown.join(", ")}; use ${SCOPES.join(", ")} or *`);
      const { key, entry } = createApiKey(all ? "all" : (flags.scopes as Scope[]));
      process.stdout.write(`API key (give it to the client, it is not stored): ${key}\nAdd to RG_API_KEYS (entries separated by ';'): ${entry}\n`);
    });
}
