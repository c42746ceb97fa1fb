// Patient's imaging fields (its collection and studies): the imaging subgraph's part of Patient.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Collection } from "../schema/collection.type.js";
import { Patient } from "../schema/patient.type.js";
import { Study } from "../schema/study.type.js";
import type { RequestContext } from "./context.js";

@Resolver(() => Patient)
export class PatientImagingResolver {
  @FieldResolver(() => Collection, { nullable: true, description: "The imaging collection the patient belongs to" })
  async collection(@Root() patient: Patient, @Ctx() ctx: RequestContext): Promise<Collection | null> {
    return (await ctx.loaders.collectionsOfPatient.load(patient.id))[0] ?? null;
  }

  @FieldResolver(() => [Study], { description: "Imaging studies of the patient" })
  studies(@Root() patient: Patient, @Ctx() ctx: RequestContext): Promise<Study[]> {
    return ctx.loaders.studiesOfPatient.load(patient.id);
  }
}
