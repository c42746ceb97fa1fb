// Offset cursors of stored-once lists: a page's endCursor leads to the next offset; a cursor of another
// kind (a store cursor, garbage) is BAD_USER_INPUT naming the list.
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../graph-model/cursor.js";
import { offsetCursor, offsetOf } from "../../resolvers/offset-cursor.js";

describe("offset cursors", () => {
  it("round-trips an offset and starts at 0 without a cursor", () => {
    expect(offsetOf(offsetCursor(40), "signatures")).toBe(40);
    expect(offsetOf(undefined, "signatures")).toBe(0);
    expect(offsetOf(null, "signatures")).toBe(0);
  });

  it("refuses a cursor that is not an offset, naming the list", () => {
    expect(() => offsetOf(encodeCursor("patient:TCGA-AA-0001"), "survivalAnalyses")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", message: expect.stringContaining("survivalAnalyses cursor") }));
    expect(() => offsetOf("not-a-cursor", "survivalAnalyses")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", message: expect.stringContaining("not a cursor this API issued") }));
  });
});
