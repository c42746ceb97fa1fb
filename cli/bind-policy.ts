// Who may reach the server decides what it may leave open: on a loopback address (the default) a
// server with no API keys is a single-user local install; on any other address with no keys, anyone
// on the network could write to the graph, so `serve` and `gateway` refuse to start unless the
// operator says so explicitly (--allow-anonymous-writes).
import { isIP } from "node:net";
import { BadUserInputError } from "../compute/errors.js";

/** localhost, 127.0.0.0/8, ::1 (and its IPv4-mapped form). */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (name === "localhost" || name === "::1") return true;
  const v4 = name.startsWith("::ffff:") ? name.slice(7) : name;
  return isIP(v4) === 4 && v4.startsWith("127.");
}

export interface BindPolicyInput {
  host: string;
  /** Some API key is configured (RG_API_KEYS or a key file), so mutations need one. */
  keysConfigured: boolean;
  allowAnonymousWrites: boolean;
  /** What checks the keys, for the message: the server itself, or the gateway's subgraphs. */
  role: "server" | "gateway";
}

/** Throws (the CLI exits 1 with the message) when a non-loopback bind would leave writes open. */
export function assertBindPolicy({ host, keysConfigured, allowAnonymousWrites, role }: BindPolicyInput): void {
  if (isLoopbackHost(host) || keysConfigured || allowAnonymousWrites) return;
  const fix = role === "server"
    ? "create a key (`radiogenomics api-key create --scopes '*'`) and start with --keys <file> (or RG_API_KEYS)"
    : "start the subgraphs with --keys <file> (the gateway forwards x-api-key; the subgraphs check it), then pass --allow-anonymous-writes to the gateway to confirm";
  throw new BadUserInputError(
    `refusing to listen on ${host} with no API keys: anyone who can reach this address could write to the graph. ` +
      `To fix: ${fix}; or listen on 127.0.0.1; or pass --allow-anonymous-writes if open writes are really intended.`,
    { host },
  );
}
