import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum GdcStepEnum {
  patients = "patients",
  expression = "expression",
  mutations = "mutations",
}
registerEnumType(GdcStepEnum, { name: "GenomicStep", description: "Parts of a project or study to ingest" });

export enum GenomicSourceEnum {
  GDC = "GDC",
  CBIOPORTAL = "CBIOPORTAL",
}
registerEnumType(GenomicSourceEnum, { name: "GenomicSource", description: "GDC API or cBioPortal" });

export enum GmtFormatEnum {
  MSIGDB = "MSIGDB",
  REACTOME = "REACTOME",
  WIKIPATHWAYS = "WIKIPATHWAYS",
}
registerEnumType(GmtFormatEnum, { name: "GmtFormat", description: "Which GMT flavour: MSigDB (HGNC symbols), Reactome (R-HSA ids), WikiPathways (Entrez ids)" });

@ObjectType({ description: "What a gene-set ingest wrote" })
export class PathwayIngestReport {
  @Field(() => Int, { description: "Gene sets written" })
  written!: number;

  @Field(() => [String], { description: "Entrez ids (WikiPathways) with no gene symbol in the graph; ingest genes first" })
  unmappedEntrezIds!: string[];

  @Field(() => Int, { description: "Member gene symbols the graph's genes do not know: not linked, not created; ingest genes first" })
  unknownGeneSymbolCount!: number;

  @Field(() => [String], { description: "The first 50 of those unknown symbols, sorted" })
  unknownGeneSymbols!: string[];
}
