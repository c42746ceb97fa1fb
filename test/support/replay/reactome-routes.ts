// Reactome ContentService endpoints (reference §3.3), answered from the fixture.
import type { GenomicFixture } from "./genomic-fixture.js";
import { jsonReply, type ReplayHandler } from "./replay-types.js";

export function reactomeHandler(fixture: GenomicFixture): ReplayHandler {
  const { pathways, uniprotOf } = fixture.reactome;
  const symbolOf = new Map(Object.entries(uniprotOf).map(([symbol, accession]) => [accession, symbol]));
  const notFound = (what: string) => jsonReply(404, { code: 404, reason: "Not Found", messages: [`No entries found for ${what}`] });
  return (request) => {
    const s = request.path.split("/").filter(Boolean).map(decodeURIComponent);
    // /data/database/version: a bare number as text/plain
    if (s[0] === "data" && s[1] === "database" && s[2] === "version")
      return { status: 200, headers: { "content-type": "text/plain" }, body: String(fixture.reactome.databaseVersion) };
    // /data/mapping/{resource}/{identifier}/pathways?species=9606
    if (s[0] === "data" && s[1] === "mapping" && s[4] === "pathways") {
      const symbol = s[2] === "UniProt" ? symbolOf.get(s[3]!) : undefined;
      const hits = symbol ? pathways.filter((p) => p.genes.includes(symbol)) : [];
      if (hits.length === 0) return notFound(`${s[2]}:${s[3]}`);
      return jsonReply(200, hits.map((p) => ({ dbId: p.dbId, stId: p.stId, displayName: p.displayName, schemaClass: "Pathway", speciesName: "Homo sapiens", isInDisease: false })));
    }
    // /data/participants/{stId}/referenceEntities
    if (s[0] === "data" && s[1] === "participants" && s[3] === "referenceEntities") {
      const pathway = pathways.find((p) => p.stId === s[2]);
      if (!pathway) return notFound(s[2]!);
      // The last member takes part as a splice isoform, as many do in Reactome: a ReferenceIsoform whose
      // identifier is the parent accession and variantIdentifier the isoform's ("P04637-2").
      return jsonReply(200, [
        ...pathway.genes.map((gene, i) => {
          const accession = uniprotOf[gene] ?? `X${i}`;
          const isoform = i === pathway.genes.length - 1 && pathway.genes.length > 1;
          return isoform
            ? { dbId: pathway.dbId * 10 + i, identifier: accession, variantIdentifier: `${accession}-2`, databaseName: "UniProt", geneName: [gene], displayName: `UniProt:${accession}-2 ${gene}`, schemaClass: "ReferenceIsoform" }
            : { dbId: pathway.dbId * 10 + i, identifier: accession, databaseName: "UniProt", geneName: [gene], displayName: `UniProt:${accession} ${gene}`, schemaClass: "ReferenceGeneProduct" };
        }),
        { dbId: 29368, identifier: "15379", databaseName: "ChEBI", displayName: "dioxygen [ChEBI:15379]", schemaClass: "ReferenceMolecule" },
      ]);
    }
    return notFound(request.path);
  };
}
