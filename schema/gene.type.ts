import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A human gene, keyed by its HGNC symbol" })
export class Gene {
  @Field(() => ID, { description: "HGNC symbol, e.g. EGFR" })
  symbol!: string;

  @Field(() => Int, { nullable: true, description: "NCBI Entrez gene id" })
  entrezId!: number | null;

  @Field(() => String, { nullable: true, description: "Ensembl gene id" })
  ensemblId!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;
}
