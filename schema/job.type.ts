import { Field, ID, Int, ObjectType } from "type-graphql";

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
