// GMT gene-set files (reference §3.1): one set per line, tab-separated `<name>\t<description or
// URL>\t<gene>…`, no header, variable length; trailing tabs and `\r` occur and are trimmed.
import { BadUserInputError } from "../../compute/errors.js";

export interface GmtGeneSet {
  name: string;
  description: string;
  /** Members in file order, duplicates removed. */
  members: string[];
}

export function parseGmt(text: string): GmtGeneSet[] {
  const sets: GmtGeneSet[] = [];
  const names = new Set<string>();
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    const cells = line.split("\t").map((cell) => cell.trim());
    const [name, description, ...genes] = cells;
    if (!name || description === undefined) throw new BadUserInputError(`GMT line ${index + 1} has no name and description: '${line.slice(0, 60)}'`);
    if (names.has(name)) throw new BadUserInputError(`GMT gene-set name '${name}' appears twice (line ${index + 1}); names must be unique`);
    names.add(name);
    sets.push({ name, description, members: [...new Set(genes.filter((gene) => gene !== ""))] });
  });
  return sets;
}
