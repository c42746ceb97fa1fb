// What a radiogenomics subgraph instance serves over WebSocket (graphql-ws on its /graphql): the job
// fields and the `jobUpdated` subscription. @apollo/gateway carries no subscriptions, so clients
// subscribe on a subgraph instance directly; with RG_REDIS_URL every instance follows every job.
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { JobProgressResolver } from "../resolvers/job-progress.resolver.js";
import { JobResolver } from "../resolvers/job.resolver.js";
import { SCHEMA_OPTIONS } from "./build-schema.js";

/** The subgraph that serves the job fields also serves their subscription, directly. */
export const JOB_SUBSCRIPTION_SUBGRAPH = "radiogenomics";

export function buildJobSubscriptionSchema(): Promise<GraphQLSchema> {
  return buildSchema({ ...SCHEMA_OPTIONS, resolvers: [JobResolver, JobProgressResolver] });
}
