import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";

/**
 * The provenance every stored result carries (Analysis, Signature, SurvivalAnalysis, Harmonisation), so a
 * result can be reproduced: the settings it ran with and the data it read. Each type's own description says
 * what its params and dataVersion hold.
 */
@ObjectType({ description: "Provenance fields shared by stored results (a base class; never returned itself)" })
export abstract class StoredResult {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "Everything it ran with: cohort, feature settings and their hash, options, method" })
  params!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The data it read: releases, sources and digests" })
  dataVersion!: unknown;

  @Field(() => String, { nullable: true, description: "When it was stored (ISO 8601)" })
  createdAt!: string | null;
}
