export { GdcSource, type GdcSourceOptions, type GdcCase, type GdcExpression } from "./gdc-source.js";
export type { GdcExpressionFile } from "./gdc-expression-files.js";
export { primaryTumourFiles } from "./gdc-expression-files.js";
export { patientFromGdcCase } from "./gdc-case-to-patient.js";
export { mutationsFromSsmOccurrence } from "./gdc-ssm-to-mutations.js";
export type { GdcFilter, GdcLeafOp } from "./gdc-filters.js";
