// Job progress without polling: the `jobUpdated(id)` subscription (graphql-ws on /graphql, all-in-one
// server only) sends the job's status and progress now and on every change until it ends. With
// RG_REDIS_URL, a distributed job is followed through Redis pub/sub (any instance sees every worker).
import { Arg, ID, Resolver, Root, Subscription, type PubSub } from "type-graphql";
import { NotFoundError } from "../compute/errors.js";
import type { JobSnapshot } from "../ingest/jobs/job.js";
import { Job } from "../schema/job.type.js";
import type { RequestContext } from "./context.js";
import { toJob } from "./job.mapping.js";

/** type-graphql wants a PubSub once there are subscriptions; ours stream from the JobRegistry, so it is never used. */
export const UNUSED_PUBSUB: PubSub = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error("subscriptions here stream from the JobRegistry, not from topics");
  },
};

@Resolver()
export class JobProgressResolver {
  @Subscription(() => Job, {
    description: "A job's status and progress, now and after every change, until it ends (then the subscription completes); NOT_FOUND for an unknown id",
    subscribe: async ({ args, context }: { args: { id: string }; context: RequestContext }) => {
      const updates = await context.jobs.watch(args.id);
      if (!updates) throw new NotFoundError("Job", args.id);
      return updates;
    },
  })
  jobUpdated(@Arg("id", () => ID) _id: string, @Root() snapshot: JobSnapshot): Job {
    return toJob(snapshot);
  }
}
