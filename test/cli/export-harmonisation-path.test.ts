// `radiogenomics export harmonisation-diagnostics|harmonised-values --harmonisation <id>` maps onto the
// server's harmonisation routes, and `harmonise` is a command of the CLI.
import "reflect-metadata";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { exportPath } from "../../cli/commands/export.command.js";
import { harmoniseCommand } from "../../cli/commands/harmonise.command.js";
import { EXPORT_ROUTES } from "../../cli/export-routes.js";

describe("harmonisation exports from the CLI", () => {
  it("builds the server path of each harmonisation export, escaping the id, and the server serves that path", () => {
    expect(exportPath("harmonisation-diagnostics", { server: "", harmonisation: "harmonisation-1/x" })).toBe("/export/harmonisations/harmonisation-1%2Fx/diagnostics.csv");
    expect(exportPath("harmonisation-diagnostics", { server: "", harmonisation: "h", format: "tsv" })).toBe("/export/harmonisations/h/diagnostics.tsv");
    expect(exportPath("harmonised-values", { server: "", harmonisation: "h" })).toBe("/export/harmonisations/h/values.csv");
    const paths = new Set(EXPORT_ROUTES.map((r) => r.path));
    for (const p of ["diagnostics.csv", "diagnostics.tsv", "values.csv", "values.tsv"]) expect(paths.has(`/export/harmonisations/:id/${p}`)).toBe(true);
  });

  it("refuses an export without --harmonisation and a wrong format; harmonise is registered with its required flags", () => {
    expect(() => exportPath("harmonised-values", { server: "" })).toThrow(/--harmonisation/);
    expect(() => exportPath("harmonisation-diagnostics", { server: "", harmonisation: "h", format: "svg" })).toThrow(/csv or tsv/);
    const program = new Command();
    harmoniseCommand(program);
    const command = program.commands.find((c) => c.name() === "harmonise")!;
    expect(command.options.filter((o) => o.mandatory).map((o) => o.long).sort()).toEqual(["--batch", "--name"]);
  });
});
