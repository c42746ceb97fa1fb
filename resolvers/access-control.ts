// Who may run an operation, checked once per operation before it executes (HTTP and WebSocket alike).
// Mutations check their key and scope themselves (@Authorized on each: errors with data null); reads
// need the `read` scope only when RG_READ_ACCESS=key. A presented key that is wrong or revoked is
// refused even where reads are open (the caller should learn that its key no longer works).
import type { OperationTypeNode } from "graphql";
import type { RequestAuthority } from "./api-keys.js";

export type ReadAccess = "open" | "key";

export function authorizeOperation(authority: RequestAuthority, operation: OperationTypeNode | undefined, readAccess: ReadAccess): void {
  if (operation === "mutation") return;
  authority.caller();
  if (readAccess === "key") authority.require("read", "reading from this server (RG_READ_ACCESS=key)");
}
