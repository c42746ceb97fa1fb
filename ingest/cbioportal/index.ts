export { CbioportalSource, type CbioportalExpression, type CbioportalExpressionRequest, type CbioportalStudyOptions } from "./cbioportal-source.js";
export type { CbioMolecularProfile } from "./cbioportal-profile-choice.js";
export { tcgaProjectOfPatients } from "./cbioportal-study-project.js";
export { isDeceased } from "./cbioportal-os-status.js";
export { DAYS_PER_MONTH, patientsFromClinicalData } from "./cbioportal-clinical-to-patients.js";
