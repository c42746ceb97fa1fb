// `radiogenomics api-key create|revoke|list`: keys in the server's key file (hashed; re-read by a
// running server when it changes, so revocation needs no restart), or printed as an RG_API_KEYS entry.
import type { Command } from "commander";
import { BadUserInputError } from "../../compute/errors.js";
import { createApiKey, parseScopes, SCOPES, type Scope } from "../../resolvers/api-keys.js";
import { addKeyToFile, defaultKeyFile, readKeyFile, revokeKeyInFile } from "../../resolvers/api-key-file.js";

interface KeyFileFlags {
  dataDir: string;
  keyFile?: string;
}

function keyFileOf(flags: KeyFileFlags): string {
  return flags.keyFile ?? defaultKeyFile(flags.dataDir);
}

function withKeyFile(command: Command): Command {
  return command
    .option("--data-dir <dir>", "the server's data directory; the key file is <dir>/api-keys.json (env RG_DATA_DIR)", process.env.RG_DATA_DIR ?? "./data")
    .option("--key-file <file>", "the key file itself (env RG_API_KEY_FILE)");
}

function scopesOf(list: string[]): Scope[] | "all" {
  const scopes = parseScopes(list, "--scopes");
  return scopes === "all" ? "all" : [...scopes];
}

export function apiKeyCommand(program: Command): void {
  const apiKey = program.command("api-key").description(`manage API keys (scopes: ${SCOPES.join(", ")}; read matters only with RG_READ_ACCESS=key)`);
  withKeyFile(apiKey.command("create"))
    .description("create a key with the scopes in the key file and print it once (only its hash is stored)")
    .option("--scopes <scope...>", `scopes: ${SCOPES.join(", ")} or *`, ["*"])
    .option("--label <text>", "who or what the key is for")
    .option("--env-entry", "do not write the key file; print the RG_API_KEYS entry instead")
    .action((flags: KeyFileFlags & { scopes: string[]; label?: string; envEntry?: boolean }) => {
      const scopes = scopesOf(flags.scopes);
      if (flags.envEntry) {
        const { key, entry } = createApiKey(scopes);
        process.stdout.write(`API key (give it to the client, it is not stored): ${key}\nAdd to RG_API_KEYS (entries separated by ';'): ${entry}\n`);
        return;
      }
      const { key, id } = addKeyToFile(keyFileOf(flags), scopes, flags.label);
      process.stdout.write(`API key ${id} (give it to the client, it is shown only now): ${key}\nStored hashed in ${keyFileOf(flags)}; revoke with: radiogenomics api-key revoke ${id}\n`);
    });
  withKeyFile(apiKey.command("revoke"))
    .description("revoke a key of the key file by its id; a running server refuses it from its next request")
    .argument("<id>", "the key's id, as `api-key list` shows it")
    .action((id: string, flags: KeyFileFlags) => {
      if (!/^[0-9a-f]{12}$/.test(id)) throw new BadUserInputError(`'${id}' is not a key id (12 hex digits, see \`radiogenomics api-key list\`)`);
      const key = revokeKeyInFile(keyFileOf(flags), id);
      process.stdout.write(`API key ${key.id} revoked at ${key.revokedAt}\n`);
    });
  withKeyFile(apiKey.command("list"))
    .description("list the key file's keys (ids, scopes, labels, revocations; never the keys)")
    .action((flags: KeyFileFlags) => {
      const keys = readKeyFile(keyFileOf(flags));
      if (!keys.length) process.stdout.write(`no keys in ${keyFileOf(flags)}\n`);
      for (const k of keys)
        process.stdout.write(`${k.id}  ${k.scopes === "*" ? "*" : k.scopes.join(",")}  created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ""}${k.label ? `  ${k.label}` : ""}\n`);
    });
}
