// Offset cursors for lists that never change once stored (analyses, their result rows): a page's
// offset in the sorted list is a stable cursor, encoded like the store's own cursors.
import { BadUserInputError } from "../compute/errors.js";
import { decodeCursor, encodeCursor } from "../graph-model/cursor.js";

/** The offset an `after` cursor points at (0 without one); a foreign cursor is BAD_USER_INPUT naming the list. */
export function offsetOf(after: string | null | undefined, list: string): number {
  if (after === undefined || after === null) return 0;
  const match = /^offset:(\d+)$/.exec(decodeCursor(after));
  if (!match) throw new BadUserInputError(`'${after}' is not a ${list} cursor; pass the endCursor of a previous page`);
  return Number(match[1]);
}

/** The cursor of the page that ends at `offset`. */
export function offsetCursor(offset: number): string {
  return encodeCursor(`offset:${offset}`);
}
