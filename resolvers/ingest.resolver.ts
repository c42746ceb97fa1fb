import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, Mutation, Resolver } from "type-graphql";
import { ingestGmt } from "../ingest/pathways/pathway-ingest.js";
import { MAX_REACTOME_GENES } from "../ingest/pathways/reactome-ingest-job.js";
import { GdcStepEnum, GenomicSourceEnum, GmtFormatEnum, PathwayIngestReport } from "../schema/ingest.types.js";
import { Job } from "../schema/job.type.js";
import type { RequestContext } from "./context.js";
import { submitJobOfKind } from "./job-kinds.js";
import { toJob } from "./job.mapping.js";

@ArgsType()
class IngestGenomicsArgs {
  @Field(() => GenomicSourceEnum, { defaultValue: GenomicSourceEnum.GDC })
  source!: GenomicSourceEnum;

  @Field(() => String, { description: "GDC project id (e.g. TCGA-LUAD) or cBioPortal study id (e.g. luad_tcga_pan_can_atlas_2018)" })
  @Length(3, 128)
  project!: string;

  @Field(() => [GdcStepEnum], { nullable: true, description: "Default: patients, expression, mutations" })
  steps?: GdcStepEnum[];

  @Field(() => [String], { nullable: true, description: "Only mutations in these genes; for cBioPortal also the genes whose expression to read" })
  @IsOptional() @ArrayMaxSize(20_000)
  genes?: string[];

  @Field(() => String, { nullable: true, description: "cBioPortal: the collection the study's patients belong to (default its TCGA project)" })
  collection?: string;
}

@ArgsType()
class IngestPathwaysArgs {
  @Field(() => GmtFormatEnum)
  format!: GmtFormatEnum;

  @Field(() => String, { description: "The GMT file's text" })
  @Length(1, 50_000_000)
  gmt!: string;

  @Field(() => String, { description: "Release of the collection, e.g. 2024.1.Hs or Reactome 89" })
  @Length(1, 64)
  version!: string;
}

@ArgsType()
class IngestReactomePathwaysArgs {
  @Field(() => [String], { description: "Gene identifiers in `resource`, e.g. UniProt accessions P04637, P15692" })
  @ArrayNotEmpty() @ArrayMaxSize(MAX_REACTOME_GENES)
  genes!: string[];

  @Field(() => String, { defaultValue: "UniProt", description: "Reactome reference database of the identifiers" })
  @Length(1, 64)
  resource!: string;

  @Field(() => String, { nullable: true, description: "Release to record (default: the service's database version, e.g. Reactome 89)" })
  @IsOptional() @Length(1, 64)
  release?: string;
}

@Resolver()
export class IngestResolver {
  @Authorized("ingest")
  @Mutation(() => Job, { description: "Ingests a GDC project or cBioPortal study (clinical, expression, mutations) as a resumable job; unknown project: BAD_USER_INPUT" })
  async ingestGenomics(@Args(() => IngestGenomicsArgs) args: IngestGenomicsArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await submitJobOfKind(ctx, "ingestGenomics", args));
  }

  @Authorized("ingest")
  @Mutation(() => Job, { description: "Ingests the Reactome pathways of the given genes from the Reactome ContentService (membership, source, release, licence) as a resumable job" })
  async ingestReactomePathways(@Args(() => IngestReactomePathwaysArgs) args: IngestReactomePathwaysArgs, @Ctx() ctx: RequestContext): Promise<Job> {
    return toJob(await submitJobOfKind(ctx, "ingestReactomePathways", args));
  }

  @Authorized("ingest")
  @Mutation(() => PathwayIngestReport, { description: "Ingests gene sets from GMT text with their source, release and licence" })
  ingestPathways(@Args(() => IngestPathwaysArgs) args: IngestPathwaysArgs, @Ctx() ctx: RequestContext): Promise<PathwayIngestReport> {
    return ingestGmt(ctx.store, args.format, args.gmt, args.version);
  }
}
