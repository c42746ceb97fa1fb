// Pure helpers over PatientFilter: consistency checks, the genes a filter names, and its split into
// single criteria (what previewCohort counts one by one to show which criterion empties a cohort).
import { BadUserInputError } from "../compute/errors.js";
import type { PatientFilter } from "./patient-filter.js";

/** One criterion of a filter: a name a researcher recognises and the filter holding only it. */
export interface FilterCriterion {
  readonly name: string;
  readonly filter: PatientFilter;
}

function checkRange(name: string, min: number | undefined, max: number | undefined): void {
  for (const value of [min, max])
    if (value !== undefined && !Number.isFinite(value)) throw new BadUserInputError(`${name}: bounds must be finite numbers`);
  if (min !== undefined && max !== undefined && min > max) throw new BadUserInputError(`${name}: minimum (${min}) is greater than maximum (${max})`);
}

/** Throws BAD_USER_INPUT for a filter that can never be meant: inverted ranges, thresholds without bounds. */
export function checkPatientFilter(filter: PatientFilter): void {
  checkRange("age", filter.minAgeYears, filter.maxAgeYears);
  checkRange("slice thickness", filter.minSliceThicknessMm, filter.maxSliceThicknessMm);
  for (const t of filter.expression ?? []) {
    if (t.min === undefined && t.max === undefined) throw new BadUserInputError(`expression threshold on ${t.gene} needs min, max or both`);
    checkRange(`expression of ${t.gene}`, t.min, t.max);
  }
  const both = (filter.mutatedGenes ?? []).filter((g) => filter.wildTypeGenes?.includes(g));
  if (both.length) throw new BadUserInputError(`genes both mutated and wild type: ${both.join(", ")} (no patient can match)`);
}

/** Every gene symbol the filter names (mutation status and expression), each once. */
export function genesOfFilter(filter: PatientFilter): string[] {
  return [...new Set([...(filter.mutatedGenes ?? []), ...(filter.wildTypeGenes ?? []), ...(filter.expression ?? []).map((t) => t.gene)])];
}

/** The filter's criteria one by one: paired bounds stay together; each mutated gene and expression threshold is its own. */
export function filterCriteria(filter: PatientFilter): FilterCriterion[] {
  const out: FilterCriterion[] = [];
  const add = (name: string, part: PatientFilter) => out.push({ name, filter: part });
  const f = filter;
  if (f.ids) add("ids", { ids: f.ids });
  if (f.cohortIds) add("cohortIds", { cohortIds: f.cohortIds });
  if (f.collectionIds) add("collectionIds", { collectionIds: f.collectionIds });
  if (f.modalities) add("modalities", { modalities: f.modalities });
  if (f.hasSegmentation !== undefined) add("hasSegmentation", { hasSegmentation: f.hasSegmentation });
  if (f.sex !== undefined) add("sex", { sex: f.sex });
  if (f.vitalStatus !== undefined) add("vitalStatus", { vitalStatus: f.vitalStatus });
  if (f.minAgeYears !== undefined || f.maxAgeYears !== undefined) add("ageYears", { minAgeYears: f.minAgeYears, maxAgeYears: f.maxAgeYears });
  if (f.stages) add("stages", { stages: f.stages });
  if (f.minSliceThicknessMm !== undefined || f.maxSliceThicknessMm !== undefined)
    add("sliceThicknessMm", { minSliceThicknessMm: f.minSliceThicknessMm, maxSliceThicknessMm: f.maxSliceThicknessMm });
  if (f.convolutionKernels) add("convolutionKernels", { convolutionKernels: f.convolutionKernels });
  if (f.manufacturers) add("manufacturers", { manufacturers: f.manufacturers });
  for (const gene of f.mutatedGenes ?? []) add(`mutatedGenes[${gene}]`, { mutatedGenes: [gene] });
  if (f.wildTypeGenes) add("wildTypeGenes", { wildTypeGenes: f.wildTypeGenes });
  for (const t of f.expression ?? []) add(`expression[${t.gene} ${t.measure}]`, { expression: [t] });
  return out.map((c) => ({ name: c.name, filter: withoutUndefined(c.filter) }));
}

function withoutUndefined(filter: PatientFilter): PatientFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as PatientFilter;
}
