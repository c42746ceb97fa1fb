// `radiogenomics export roc|coefficients|folds --signature <id>` maps onto the server's signature routes.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { exportPath } from "../../cli/commands/export.command.js";
import { EXPORT_ROUTES } from "../../cli/export-routes.js";

describe("signature exports from the CLI", () => {
  it("builds the server path of each signature export, escaping the id, and the server serves that path", () => {
    expect(exportPath("roc", { server: "", signature: "sig-1/x" })).toBe("/export/signatures/sig-1%2Fx/roc.svg");
    expect(exportPath("coefficients", { server: "", signature: "sig-1" })).toBe("/export/signatures/sig-1/coefficients.csv");
    expect(exportPath("folds", { server: "", signature: "sig-1", format: "tsv" })).toBe("/export/signatures/sig-1/folds.tsv");
    const paths = new Set(EXPORT_ROUTES.map((r) => r.path));
    for (const p of ["/export/signatures/:id/roc.svg", "/export/signatures/:id/coefficients.csv", "/export/signatures/:id/coefficients.tsv", "/export/signatures/:id/folds.csv", "/export/signatures/:id/folds.tsv"]) expect(paths.has(p)).toBe(true);
  });

  it("refuses a signature export without --signature and a wrong format", () => {
    expect(() => exportPath("roc", { server: "" })).toThrow(/--signature/);
    expect(() => exportPath("roc", { server: "", signature: "s", format: "csv" })).toThrow(/svg/);
  });
});
