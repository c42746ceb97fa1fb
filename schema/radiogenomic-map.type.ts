import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum MapNodeKindEnum {
  FEATURE = "FEATURE",
  PATHWAY = "PATHWAY",
  GENE = "GENE",
}
registerEnumType(MapNodeKindEnum, { name: "MapNodeKind" });

export enum MapEdgeKindEnum {
  CORRELATES_WITH = "CORRELATES_WITH",
  PREDICTS = "PREDICTS",
}
registerEnumType(MapEdgeKindEnum, { name: "MapEdgeKind", description: "The graph relationship an edge comes from" });

@ObjectType({ description: "A feature, pathway or gene of a radiogenomic map" })
export class MapNode {
  @Field(() => ID, { description: "Unique across kinds: feature:<key>, pathway:<id>, gene:<symbol>" })
  id!: string;

  @Field(() => MapNodeKindEnum)
  kind!: MapNodeKindEnum;

  @Field(() => String, { description: "Feature name, pathway name or gene symbol" })
  label!: string;

  @Field(() => String, { description: "The graph's key: feature key (name@settings hash), pathway id or gene symbol" })
  key!: string;

  @Field(() => String, { nullable: true, description: "Features: IBSI family" })
  family!: string | null;

  @Field(() => String, { nullable: true, description: "Features: IBSI identifier" })
  ibsiCode!: string | null;

  @Field(() => String, { nullable: true, description: "Features: hash of the extraction settings" })
  settingsHash!: string | null;
}

@ObjectType({ description: "A stored association between a feature and a pathway or gene" })
export class MapEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => MapEdgeKindEnum)
  kind!: MapEdgeKindEnum;

  @Field(() => ID, { description: "Node id of the feature" })
  source!: string;

  @Field(() => ID, { description: "Node id of the pathway or gene" })
  target!: string;

  @Field(() => String, { description: "What effect measures: rho (Spearman, CORRELATES_WITH) or auc (mutated vs wild type, PREDICTS)" })
  measure!: string;

  @Field(() => Float, { nullable: true, description: "The effect size in its measure" })
  effect!: number | null;

  @Field(() => Float, { nullable: true, description: "Spearman rho (correlation edges)" })
  rho!: number | null;

  @Field(() => Float, { nullable: true, description: "Two-sided p-value" })
  p!: number | null;

  @Field(() => Float, { nullable: true, description: "Benjamini–Hochberg q-value within the analysis" })
  q!: number | null;

  @Field(() => Int, { nullable: true, description: "Patients in the test" })
  n!: number | null;

  @Field(() => ID)
  analysisId!: string;
}

@ObjectType({ description: "Nodes and edges of analyses' surviving links, for visualisation tools" })
export class RadiogenomicMap {
  @Field(() => [MapNode])
  nodes!: MapNode[];

  @Field(() => [MapEdge])
  edges!: MapEdge[];
}
