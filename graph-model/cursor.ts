// Opaque pagination cursors: base64url of the last natural key seen.
import { BadUserInputError } from "../compute/errors.js";

const PREFIX = "rg1:";

export function encodeCursor(key: string): string {
  return Buffer.from(PREFIX + key, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) throw new BadUserInputError(`'${cursor}' is not a cursor this API issued; pass the endCursor of a previous page`);
  return text.slice(PREFIX.length);
}
