import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How much a job waited for one upstream host's quota or rate limit (IDC's proxy has a per-IP quota: the job says when it is hit)" })
export class UpstreamWaitType {
  @Field(() => String, { description: "The upstream, as its client names it (e.g. GDC API, DICOMweb server …)" })
  upstream!: string;

  @Field(() => String, { description: "host[:port]" })
  host!: string;

  @Field(() => Int, { description: "Times a request waited: for a 429's Retry-After (or the pause it set for every request to the host), or for the shared rate limit's next token" })
  waits!: number;

  @Field(() => Float, { description: "Those waits summed, ms (as planned: the Retry-After asked for, the token's refill time)" })
  waitedMs!: number;

  @Field(() => Int, { description: "429 Too Many Requests answers" })
  rateLimited!: number;

  @Field(() => Float, { nullable: true, description: "The last Retry-After the upstream sent, ms; null if it sent none" })
  lastRetryAfterMs!: number | null;

  @Field(() => String, { description: "When the job last waited for it or was refused by it" })
  lastAt!: string;
}

@ObjectType({ description: "Progress of a job" })
export class JobProgressType {
  @Field(() => Int, { nullable: true, description: "Items in all, when known" })
  total!: number | undefined;

  @Field(() => Int, { description: "Items completed in this run" })
  done!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, { description: "Items completed by an earlier run of the same job (resumed)" })
  skipped!: number;

  @Field(() => Int, { nullable: true, description: "A CANCELLED job's items that the cancel kept from running or stopped (total − done − failed − skipped); null for other statuses or while the total is unknown" })
  cancelled!: number | null;

  @Field(() => [UpstreamWaitType], { description: "Waits for upstream quotas and rate limits (429 / Retry-After, the shared rate), one per host; empty when none" })
  upstreamWaits!: UpstreamWaitType[];
}

@ObjectType({ description: "Why one item of a job failed" })
export class JobItemError {
  @Field(() => String, { description: "The item, e.g. a lesion id or series UID" })
  key!: string;

  @Field(() => String, { description: "Error code, as in GraphQL extensions.code" })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: "Long-running work (ingest, feature computation): poll job(id) for its status" })
export class Job {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "QUEUED, RUNNING, SUCCEEDED, PARTIAL (some items failed), FAILED, CANCELLED or INTERRUPTED (a restart cut it: resumeJob continues it)" })
  status!: string;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  startedAt!: string | null;

  @Field(() => String, { nullable: true })
  finishedAt!: string | null;

  @Field(() => JobProgressType)
  progress!: JobProgressType;

  @Field(() => [JobItemError])
  errors!: JobItemError[];
}
