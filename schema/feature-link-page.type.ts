import { Field, Int, ObjectType } from "type-graphql";
import { FeatureLink } from "./feature-link.type.js";

@ObjectType({ description: "The strongest links of an analysis under the filters, with how many there are in all: `truncated` says when `first` cut the list" })
export class FeatureLinkPage {
  @Field(() => [FeatureLink], { description: "Strongest first (q ascending, then |rho| descending)" })
  nodes!: FeatureLink[];

  @Field(() => Int, { description: "Links passing the filters, before `first`" })
  totalCount!: number;

  @Field(() => Boolean, { description: "True when there are more links than `nodes` holds: raise `first`, or tighten maxQ / minAbsRho" })
  truncated!: boolean;
}
