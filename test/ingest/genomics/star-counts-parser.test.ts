import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseStarCounts, type StarCountsRow } from "../../../ingest/genomics/star-counts-parser.js";
import { tpmBySymbol } from "../../../ingest/genomics/tpm-by-symbol.js";

// The real layout (reference §1.7): comment, header, four N_ rows with blank floats, then genes.
const FILE = [
  "# gene-model: GENCODE v36",
  "gene_id\tgene_name\tgene_type\tunstranded\tstranded_first\tstranded_second\ttpm_unstranded\tfpkm_unstranded\tfpkm_uq_unstranded",
  "N_unmapped\t\t\t8120268\t8120268\t8120268\t\t\t",
  "N_multimapping\t\t\t4402480\t4402480\t4402480\t\t\t",
  "N_noFeature\t\t\t1446120\t24573336\t24781939\t\t\t",
  "N_ambiguous\t\t\t5551010\t1476463\t1462076\t\t\t",
  "ENSG00000000003.15\tTSPAN6\tprotein_coding\t3231\t1634\t1597\t44.6685\t16.8557\t23.8956",
  "ENSG00000000005.6\tTNMD\tprotein_coding\t0\t0\t0\t0.0000\t0.0000\t0.0000",
  "ENSG00000002586.20\tCD99\tprotein_coding\t900\t450\t450\t30.5000\t10.0\t12.0",
  "ENSG00000002586.20_PAR_Y\tCD99\tprotein_coding\t0\t0\t0\t0.0000\t0.0\t0.0",
  "ENSG00000015479.19\tMATR3\tprotein_coding\t500\t250\t250\t12.2500\t5.0\t6.0",
  "ENSG00000280987.4\tMATR3\tprotein_coding\t100\t50\t50\t1.7500\t1.0\t1.0",
  "",
].join("\n");

async function rowsOf(source: Parameters<typeof parseStarCounts>[0]): Promise<StarCountsRow[]> {
  const rows: StarCountsRow[] = [];
  for await (const row of parseStarCounts(source)) rows.push(row);
  return rows;
}

describe("STAR-Counts parser", () => {
  it("skips the comment and N_ rows, strips versions, reads counts and tpm_unstranded", async () => {
    const rows = await rowsOf(FILE);
    expect(rows.map((row) => row.ensemblId)).toEqual([
      "ENSG00000000003", "ENSG00000000005", "ENSG00000002586", "ENSG00000002586_PAR_Y", "ENSG00000015479", "ENSG00000280987",
    ]);
    expect(rows[0]).toEqual({
      ensemblId: "ENSG00000000003", geneId: "ENSG00000000003.15", geneSymbol: "TSPAN6", geneType: "protein_coding", unstrandedCount: 3231, tpm: 44.6685,
    });
  });

  it("parses a stream cut into arbitrary chunks exactly as the whole text", async () => {
    const bytes = Buffer.from(FILE);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 200), bytes.subarray(200, 201), bytes.subarray(201)];
    expect(await rowsOf(Readable.from(chunks))).toEqual(await rowsOf(FILE));
  });

  it("finds columns by name, whatever their order", async () => {
    const reordered = "gene_name\ttpm_unstranded\tgene_id\nTSPAN6\t2.5\tENSG00000000003.15\n";
    expect((await rowsOf(reordered))[0]).toMatchObject({ geneSymbol: "TSPAN6", tpm: 2.5, ensemblId: "ENSG00000000003", unstrandedCount: null });
  });

  it("refuses a file that ends in the middle of a row, or lacks the TPM column", async () => {
    const cut = FILE.slice(0, FILE.indexOf("\tprotein_coding\t500"));
    await expect(rowsOf(cut)).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE", message: expect.stringMatching(/truncated/) });
    await expect(rowsOf("gene_id\tgene_name\tunstranded\n")).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    await expect(rowsOf("# gene-model: GENCODE v36\n")).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
  });

  it("collapses duplicate symbols deterministically: PAR_Y dropped, the other loci summed", async () => {
    const bySymbol = await tpmBySymbol(parseStarCounts(FILE));
    expect(bySymbol.get("CD99")).toEqual({ geneSymbol: "CD99", tpm: 30.5, ensemblIds: ["ENSG00000002586"] });
    expect(bySymbol.get("MATR3")).toEqual({ geneSymbol: "MATR3", tpm: 14, ensemblIds: ["ENSG00000015479", "ENSG00000280987"] });
    expect([...bySymbol.keys()]).toEqual(["TSPAN6", "TNMD", "CD99", "MATR3"]);
  });
});
