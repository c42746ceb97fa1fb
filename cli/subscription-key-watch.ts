// An open WebSocket's API key, checked again every `intervalMs`: once it is revoked (or the key file
// goes missing: fail closed), the socket is closed with graphql-ws's 4403 Forbidden and the reason, which
// ends every subscription on it. A key is checked per request on HTTP; a subscription is one long request.
import type { WebSocket } from "ws";
import { PlatformError } from "../compute/errors.js";

export const KEY_RECHECK_MS = 1000;
/** graphql-ws's close code for a refused connection. */
export const FORBIDDEN_CLOSE_CODE = 4403;

/** Starts the periodic check; `check` throws when the key is no longer good. Returns the stop function. */
export function watchConnectionKey(socket: WebSocket, check: () => void, intervalMs = KEY_RECHECK_MS): () => void {
  const timer = setInterval(() => {
    try {
      check();
    } catch (error) {
      clearInterval(timer);
      const code = error instanceof PlatformError ? error.code : "UNAUTHENTICATED";
      socket.close(FORBIDDEN_CLOSE_CODE, closeReason(`${code}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** A WebSocket close reason is at most 123 bytes of UTF-8. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = `${reason.slice(0, reason.length - 2)}…`;
  return reason;
}
