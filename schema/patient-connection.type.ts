import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info.type.js";
import { Patient } from "./patient.type.js";

@ObjectType({ description: "One page of patients in barcode order" })
export class PatientConnection {
  @Field(() => Int, { description: "Patients matching the filter, across all pages" })
  totalCount!: number;

  @Field(() => [Patient])
  nodes!: Patient[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
