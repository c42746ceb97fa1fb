// Streaming parser for GDC "STAR - Counts" files (*.rna_seq.augmented_star_gene_counts.tsv, reference
// §1.7): a `# gene-model` comment line, a header, four `N_*` STAR summary rows, then one row per gene.
import { UpstreamUnavailableError } from "../../compute/errors.js";
import { stripEnsemblVersion } from "./ensembl-id.js";
import { linesOf, type TextSource } from "./text-lines.js";

export interface StarCountsRow {
  /** Ensembl gene id without version (`_PAR_Y` kept). */
  ensemblId: string;
  /** gene_id as written, version included. */
  geneId: string;
  /** gene_name: an HGNC symbol, not unique across rows. */
  geneSymbol: string;
  geneType: string;
  /** `unstranded` raw read count. */
  unstrandedCount: number | null;
  /** `tpm_unstranded`. */
  tpm: number | null;
}

const REQUIRED_COLUMNS = ["gene_id", "gene_name", "tpm_unstranded"] as const;

/** Yields one row per gene; comment lines and `N_*` summary rows are skipped. */
export async function* parseStarCounts(source: TextSource): AsyncGenerator<StarCountsRow> {
  let columns: Map<string, number> | null = null;
  for await (const line of linesOf(source)) {
    if (line.text.startsWith("#") || line.text.trim() === "") continue;
    const cells = line.text.split("\t");
    if (columns === null) {
      columns = headerColumns(cells);
      continue;
    }
    if ((cells[columns.get("gene_id")!] ?? "").startsWith("N_") && line.terminated) continue;
    if (cells.length < columns.size) throw truncatedOrMalformed(line.text, line.terminated);
    yield rowOf(cells, columns);
  }
  if (columns === null) throw new UpstreamUnavailableError("STAR-Counts file has no header line (empty or truncated download)");
}

function headerColumns(cells: string[]): Map<string, number> {
  const columns = new Map(cells.map((name, index) => [name.trim(), index] as const));
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.has(name));
  if (missing.length > 0) throw new UpstreamUnavailableError(`STAR-Counts header lacks ${missing.join(", ")}: is this a GDC STAR - Counts file?`);
  return columns;
}

function rowOf(cells: string[], columns: Map<string, number>): StarCountsRow {
  const cell = (name: string) => (columns.has(name) ? cells[columns.get(name)!]!.trim() : "");
  const geneId = cell("gene_id");
  return {
    ensemblId: stripEnsemblVersion(geneId),
    geneId,
    geneSymbol: cell("gene_name"),
    geneType: cell("gene_type"),
    unstrandedCount: numberOrNull(cell("unstranded")),
    tpm: numberOrNull(cell("tpm_unstranded")),
  };
}

function numberOrNull(text: string): number | null {
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function truncatedOrMalformed(text: string, terminated: boolean): UpstreamUnavailableError {
  return terminated
    ? new UpstreamUnavailableError(`STAR-Counts row has too few columns: '${text.slice(0, 80)}'`)
    : new UpstreamUnavailableError("STAR-Counts file ends in the middle of a row (truncated download)");
}
