// cBioPortal status strings and typed values: the "<code>:<label>" encodings of OS / PFS / DFS status
// (File-Formats doc; PanCan PFS_STATUS is 1:PROGRESSION / 0:CENSORED) and values typed by datatype.
import { describe, expect, it } from "vitest";
import { typedValue } from "../../../ingest/cbioportal/cbioportal-clinical-attributes.js";
import { statusEvent } from "../../../ingest/cbioportal/cbioportal-status.js";

describe("statusEvent", () => {
  it.each([
    ["1:PROGRESSION", true], ["0:CENSORED", false], ["1:DECEASED", true], ["0:LIVING", false],
    ["1:Recurred/Progressed", true], ["0:DiseaseFree", false], ["PROGRESSION", true], ["CENSORED", false], ["LIVING", false],
    ["[Not Available]", null], ["", null], [null, null],
  ])("%s → %s", (status, event) => expect(statusEvent(status)).toBe(event));
});

describe("typedValue", () => {
  it("parses NUMBER, keeps STRING as text, reads BOOLEAN; an unparsable number is left out", () => {
    expect(typedValue("12.5", "NUMBER")).toBe(12.5);
    expect(typedValue(" 0 ", "NUMBER")).toBe(0);
    expect(typedValue("[Not Available]", "NUMBER")).toBeNull();
    expect(typedValue("12.5", "STRING")).toBe("12.5");
    expect(typedValue("TRUE", "BOOLEAN")).toBe(true);
    expect(typedValue("No", "BOOLEAN")).toBe(false);
    expect(typedValue("   ", "STRING")).toBeNull();
  });
});
