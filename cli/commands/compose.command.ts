// `radiogenomics compose`: composes the three subgraphs with @apollo/composition; prints the
// supergraph, writes it (--out), or checks a checked-in copy is current (--check), exiting 1 on any
// composition error. scripts/compose-supergraph.sh runs it.
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { BadUserInputError } from "../../compute/errors.js";
import { composeSupergraph } from "../../schema/compose-supergraph.js";

export function composeCommand(program: Command): void {
  program
    .command("compose")
    .description("compose the imaging, genomics and radiogenomics subgraphs into a Federation 2 supergraph (fails on any composition error)")
    .option("--out <file>", "write the supergraph SDL there instead of printing it")
    .option("--check <file>", "fail unless the file holds the supergraph composed now")
    .action(async (flags: { out?: string; check?: string }) => {
      const { supergraphSdl } = await composeSupergraph();
      if (flags.check) {
        const stored = await readFile(flags.check, "utf8").catch(() => "");
        if (stored !== supergraphSdl) throw new BadUserInputError(`${flags.check} is not the current supergraph: run 'radiogenomics compose --out ${flags.check}'`);
        process.stdout.write(`${flags.check} is current; the subgraphs compose\n`);
      } else if (flags.out) {
        await writeFile(flags.out, supergraphSdl);
        process.stdout.write(`supergraph written to ${flags.out}\n`);
      } else process.stdout.write(supergraphSdl);
    });
}
