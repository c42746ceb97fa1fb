// An IBSI-2 filter as a setting (IBSI profile): the kind and its parameters as the IBSI-2 reference manual
// (arXiv:2006.05470) names them, the same object in GraphQL (`FeatureSettingsInput.filter`), the CLI's
// `--filter` JSON and the stored settings. `ibsiFilterOf` checks a raw object against the kind's parameter
// list and fills the defaults; every refusal is BAD_USER_INPUT naming the field (`filter.sigma`).
import { BadUserInputError } from "../errors.js";
import { lawsKernels } from "./laws-filter.js";
import { waveletFilters } from "./wavelet-coefficients.js";

export const IBSI_FILTER_KINDS = ["MEAN", "LOG", "LAWS", "GABOR", "WAVELET", "SIMONCELLI", "RIESZ_LOG", "RIESZ_SIMONCELLI"] as const;
export type IbsiFilterKind = (typeof IBSI_FILTER_KINDS)[number];
export const IBSI_BOUNDARIES = ["ZERO", "NEAREST", "PERIODIC", "MIRROR"] as const;
export type IbsiBoundary = (typeof IBSI_BOUNDARIES)[number];
/** Pooling of rotated (Laws, wavelet) or oriented (Gabor) responses; MIN only for right-angle rotations. */
export const IBSI_POOLINGS = ["AVERAGE", "MAX", "MIN"] as const;
export type IbsiPooling = (typeof IBSI_POOLINGS)[number];

interface Common { readonly boundary: IbsiBoundary }
export type IbsiFilter =
  | Common & { readonly kind: "MEAN"; readonly dimensions: 2 | 3; readonly support: number }
  | Common & { readonly kind: "LOG"; readonly dimensions: 2 | 3; readonly sigma: number; readonly truncation: number }
  | Common & { readonly kind: "LAWS"; readonly lawsKernel: string; readonly rotationInvariance: boolean; readonly pooling?: IbsiPooling; readonly energyDistance?: number; readonly energyBoundary?: IbsiBoundary }
  | Common & { readonly kind: "GABOR"; readonly dimensions: 2 | 3; readonly sigma: number; readonly wavelength: number; readonly aspectRatio: number; readonly theta: number; readonly thetaStep?: number; readonly pooling?: IbsiPooling }
  | Common & { readonly kind: "WAVELET"; readonly wavelet: string; readonly decomposition: string; readonly level: number; readonly rotationInvariance: boolean; readonly pooling?: IbsiPooling }
  | Common & { readonly kind: "SIMONCELLI"; readonly level: number }
  | Common & { readonly kind: "RIESZ_LOG"; readonly sigma: number; readonly truncation: number; readonly rieszOrder: readonly [number, number, number] }
  | Common & { readonly kind: "RIESZ_SIMONCELLI"; readonly level: number; readonly rieszOrder: readonly [number, number, number] };

/** The parameters each kind takes (besides kind and boundary). */
const PARAMETERS: Readonly<Record<IbsiFilterKind, readonly string[]>> = {
  MEAN: ["dimensions", "support"],
  LOG: ["dimensions", "sigma", "truncation"],
  LAWS: ["dimensions", "lawsKernel", "rotationInvariance", "pooling", "energyDistance", "energyBoundary"],
  GABOR: ["dimensions", "sigma", "wavelength", "aspectRatio", "theta", "thetaStep", "pooling"],
  WAVELET: ["dimensions", "wavelet", "decomposition", "level", "rotationInvariance", "pooling"],
  SIMONCELLI: ["level"],
  RIESZ_LOG: ["sigma", "truncation", "rieszOrder"],
  RIESZ_SIMONCELLI: ["level", "rieszOrder"],
};
const ALL_PARAMETERS = new Set(["kind", "boundary", ...Object.values(PARAMETERS).flat()]);

/** IBSI-2's default: the LoG and Riesz-LoG kernels are truncated at 4σ. */
export const DEFAULT_TRUNCATION = 4;
/** Default boundary condition (mirror, as IBSI-2 phase 2 pads). */
export const DEFAULT_BOUNDARY: IbsiBoundary = "MIRROR";

type Raw = Readonly<Record<string, unknown>>;

function refuse(field: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new BadUserInputError(`filter.${field} ${message}`, { field: `filter.${field}`, ...extra });
}

function positive(raw: Raw, field: string): number | undefined {
  const v = raw[field];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || !(v > 0)) refuse(field, `must be a positive number, got ${JSON.stringify(v)}`);
  return v;
}

function required<T>(value: T | undefined, field: string, kind: IbsiFilterKind): T {
  if (value === undefined) refuse(field, `is required for a ${kind} filter`);
  return value;
}

function wholeNumber(raw: Raw, field: string, min: number): number | undefined {
  const v = raw[field];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) refuse(field, `must be a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return v;
}

function oneOf<T extends string>(raw: Raw, field: string, values: readonly T[]): T | undefined {
  const v = raw[field];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !values.includes(v as T)) refuse(field, `must be one of ${values.join(", ")}, got ${JSON.stringify(v)}`);
  return v as T;
}

function dimensionsOf(raw: Raw): 2 | 3 | undefined {
  const v = raw.dimensions;
  if (v === undefined) return undefined;
  if (v !== 2 && v !== 3) refuse("dimensions", `must be 2 (each axial slice on its own) or 3, got ${JSON.stringify(v)}`);
  return v;
}

function flag(raw: Raw, field: string): boolean | undefined {
  const v = raw[field];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") refuse(field, `must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

/** Dimensions implied by a kernel / sub-band name must agree with `dimensions` when both are given. */
function impliedDimensions(raw: Raw, field: string, implied: number): void {
  const d = dimensionsOf(raw);
  if (d !== undefined && d !== implied) refuse("dimensions", `is ${d} but ${field} ${JSON.stringify(raw[field])} names a ${implied}D filter`);
}

/** Rotation pooling: required with rotationInvariance, refused without it. */
function rotationPooling(raw: Raw): { rotationInvariance: boolean; pooling?: IbsiPooling } {
  const rotationInvariance = flag(raw, "rotationInvariance") ?? false;
  const pooling = oneOf(raw, "pooling", IBSI_POOLINGS);
  if (rotationInvariance && !pooling) refuse("pooling", "is required with rotationInvariance (AVERAGE, MAX or MIN over the right-angle rotations)");
  if (!rotationInvariance && pooling) refuse("pooling", "needs rotationInvariance: true");
  return pooling ? { rotationInvariance, pooling } : { rotationInvariance };
}

function rieszOrderOf(raw: Raw): readonly [number, number, number] {
  const v = raw.rieszOrder;
  if (!Array.isArray(v) || v.length !== 3 || v.some((l) => typeof l !== "number" || !Number.isInteger(l) || l < 0) || v.reduce((a: number, b: number) => a + b, 0) === 0)
    refuse("rieszOrder", `must be three whole numbers ≥ 0 (orders along x, y, z) with a positive sum, got ${JSON.stringify(v)}`);
  return [v[0], v[1], v[2]];
}

function laws(raw: Raw, boundary: IbsiBoundary): IbsiFilter {
  const lawsKernel = required(raw.lawsKernel, "lawsKernel", "LAWS");
  if (typeof lawsKernel !== "string") refuse("lawsKernel", `must be a kernel name such as "E5L5S5", got ${JSON.stringify(lawsKernel)}`);
  let kernels: number[][];
  try { kernels = lawsKernels(lawsKernel); } catch (error) { refuse("lawsKernel", `is not a Laws kernel: ${(error as Error).message}`); }
  impliedDimensions(raw, "lawsKernel", kernels.length);
  const energyDistance = wholeNumber(raw, "energyDistance", 0);
  const energyBoundary = oneOf(raw, "energyBoundary", IBSI_BOUNDARIES);
  if (energyBoundary && energyDistance === undefined) refuse("energyBoundary", "needs energyDistance (the energy map's Chebyshev distance δ)");
  return {
    kind: "LAWS", boundary, lawsKernel: lawsKernel.toUpperCase(), ...rotationPooling(raw),
    ...(energyDistance !== undefined ? { energyDistance, energyBoundary: energyBoundary ?? boundary } : {}),
  };
}

function gabor(raw: Raw, boundary: IbsiBoundary): IbsiFilter {
  const dimensions = dimensionsOf(raw) ?? 2;
  const thetaStep = positive(raw, "thetaStep");
  const theta = raw.theta === undefined ? 0 : raw.theta;
  if (typeof theta !== "number" || !Number.isFinite(theta)) refuse("theta", `must be a number of degrees, got ${JSON.stringify(theta)}`);
  const pooling = oneOf(raw, "pooling", IBSI_POOLINGS);
  const pooled = thetaStep !== undefined || dimensions === 3;
  if (pooled && !pooling) refuse("pooling", "is required when Gabor responses are pooled (thetaStep, or dimensions 3: the three orthogonal planes): AVERAGE or MAX");
  if (!pooled && pooling) refuse("pooling", "needs thetaStep or dimensions 3 (one orientation in one plane has nothing to pool)");
  if (pooling === "MIN") refuse("pooling", "MIN is not an IBSI-2 Gabor pooling; use AVERAGE or MAX");
  return {
    kind: "GABOR", boundary, dimensions,
    sigma: required(positive(raw, "sigma"), "sigma", "GABOR"),
    wavelength: required(positive(raw, "wavelength"), "wavelength", "GABOR"),
    aspectRatio: required(positive(raw, "aspectRatio"), "aspectRatio", "GABOR"),
    theta, ...(thetaStep !== undefined ? { thetaStep } : {}), ...(pooling ? { pooling } : {}),
  };
}

function wavelet(raw: Raw, boundary: IbsiBoundary): IbsiFilter {
  const name = required(raw.wavelet, "wavelet", "WAVELET");
  if (typeof name !== "string") refuse("wavelet", `must be a wavelet name, got ${JSON.stringify(name)}`);
  try { waveletFilters(name); } catch (error) { refuse("wavelet", (error as Error).message); }
  const decomposition = required(raw.decomposition, "decomposition", "WAVELET");
  if (typeof decomposition !== "string" || !/^[LH]{2,3}$/i.test(decomposition)) refuse("decomposition", `must be 2 or 3 letters of L and H, one per axis x, y (, z), e.g. "LLH", got ${JSON.stringify(decomposition)}`);
  impliedDimensions(raw, "decomposition", decomposition.length);
  return { kind: "WAVELET", boundary, wavelet: name, decomposition: decomposition.toUpperCase(), level: wholeNumber(raw, "level", 1) ?? 1, ...rotationPooling(raw) };
}

function build(kind: IbsiFilterKind, raw: Raw, boundary: IbsiBoundary): IbsiFilter {
  switch (kind) {
    case "MEAN": {
      const support = required(wholeNumber(raw, "support", 1), "support", kind);
      if (support % 2 === 0) refuse("support", `must be an odd number of voxels, got ${support}`);
      return { kind, boundary, dimensions: dimensionsOf(raw) ?? 3, support };
    }
    case "LOG":
      return { kind, boundary, dimensions: dimensionsOf(raw) ?? 3, sigma: required(positive(raw, "sigma"), "sigma", kind), truncation: positive(raw, "truncation") ?? DEFAULT_TRUNCATION };
    case "LAWS": return laws(raw, boundary);
    case "GABOR": return gabor(raw, boundary);
    case "WAVELET": return wavelet(raw, boundary);
    case "SIMONCELLI": return { kind, boundary, level: wholeNumber(raw, "level", 1) ?? 1 };
    case "RIESZ_LOG":
      return { kind, boundary, sigma: required(positive(raw, "sigma"), "sigma", kind), truncation: positive(raw, "truncation") ?? DEFAULT_TRUNCATION, rieszOrder: rieszOrderOf(raw) };
    case "RIESZ_SIMONCELLI": return { kind, boundary, level: wholeNumber(raw, "level", 1) ?? 1, rieszOrder: rieszOrderOf(raw) };
  }
}

/** A raw filter setting (GraphQL input, CLI JSON) checked and completed; null / undefined fields count as absent. */
export function ibsiFilterOf(input: unknown): IbsiFilter {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw new BadUserInputError("filter must be an object with a kind and that kind's parameters", { field: "filter" });
  const raw = Object.fromEntries(Object.entries(input as Raw).filter(([, v]) => v !== undefined && v !== null));
  const kind = oneOf(raw, "kind", IBSI_FILTER_KINDS);
  if (!kind) refuse("kind", `is required: one of ${IBSI_FILTER_KINDS.join(", ")}`);
  for (const key of Object.keys(raw)) {
    if (!ALL_PARAMETERS.has(key)) refuse(key, `is not a filter parameter; ${kind} takes ${["boundary", ...PARAMETERS[kind]].join(", ")}`);
    if (key !== "kind" && key !== "boundary" && !PARAMETERS[kind].includes(key)) refuse(key, `does not apply to a ${kind} filter; it takes ${["boundary", ...PARAMETERS[kind]].join(", ")}`, { kind });
  }
  return build(kind, raw, oneOf(raw, "boundary", IBSI_BOUNDARIES) ?? DEFAULT_BOUNDARY);
}

/** 1.5 → "1p5", −2 → "m2": numbers in names without dots or minus signs. */
const num = (x: number) => String(x).replace("-", "m").replace(".", "p");

/**
 * The prefix of a filtered feature's key, naming the filter and every parameter that changes the response:
 * `log-sigma-3mm-t4-3D-mirror`, `laws-E5L5S5-rot-max-energy-7-mirror-zero`, `wavelet-db2-LHL-level-1-zero` …
 */
export function ibsiFilterPrefix(f: IbsiFilter): string {
  const b = f.boundary.toLowerCase();
  const rot = (r: { rotationInvariance: boolean; pooling?: IbsiPooling }) => (r.rotationInvariance ? [`rot-${r.pooling!.toLowerCase()}`] : []);
  const parts = ((): (string | number)[] => {
    switch (f.kind) {
      case "MEAN": return ["mean", `support-${f.support}`, `${f.dimensions}D`, b];
      case "LOG": return ["log", `sigma-${num(f.sigma)}mm`, `t${num(f.truncation)}`, `${f.dimensions}D`, b];
      case "LAWS": return ["laws", f.lawsKernel, ...rot(f), ...(f.energyDistance !== undefined ? [`energy-${f.energyDistance}-${f.energyBoundary!.toLowerCase()}`] : []), b];
      case "GABOR": return ["gabor", `sigma-${num(f.sigma)}mm`, `lambda-${num(f.wavelength)}mm`, `gamma-${num(f.aspectRatio)}`, `theta-${num(f.theta)}`,
        ...(f.thetaStep !== undefined ? [`step-${num(f.thetaStep)}`] : []), `${f.dimensions}D`, ...(f.pooling ? [f.pooling.toLowerCase()] : []), b];
      case "WAVELET": return ["wavelet", f.wavelet, f.decomposition, `level-${f.level}`, ...rot(f), b];
      case "SIMONCELLI": return ["simoncelli", `level-${f.level}`, b];
      case "RIESZ_LOG": return ["riesz-log", `sigma-${num(f.sigma)}mm`, `t${num(f.truncation)}`, `order-${f.rieszOrder.join("-")}`, b];
      case "RIESZ_SIMONCELLI": return ["riesz-simoncelli", `level-${f.level}`, `order-${f.rieszOrder.join("-")}`, b];
    }
  })();
  return parts.join("-");
}
