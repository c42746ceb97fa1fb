// Typed reads from a naturalized dataset. dcmjs gives a single value as a scalar and several as an
// array, numbers in DS/IS as numbers (DICOM JSON may carry them as strings), and PN as objects.

import { InvalidDicomError } from "../errors.js";
import type { NaturalDataset } from "./dicom-dataset.js";

function values(dataset: NaturalDataset, keyword: string): unknown[] {
  const value = dataset[keyword];
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

function missing(keyword: string, context: string): InvalidDicomError {
  return new InvalidDicomError(`${context} lacks the required attribute ${keyword}`, { attribute: keyword });
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function toText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null && "Alphabetic" in value) {
    return toText((value as { Alphabetic: unknown }).Alphabetic);
  }
  return undefined;
}

export function optionalString(dataset: NaturalDataset, keyword: string): string | undefined {
  const texts = values(dataset, keyword).map(toText).filter((text) => text !== undefined);
  return texts.length > 0 ? texts.join("\\") : undefined;
}

export function requireString(dataset: NaturalDataset, keyword: string, context: string): string {
  const text = optionalString(dataset, keyword);
  if (text === undefined) throw missing(keyword, context);
  return text;
}

export function optionalNumber(dataset: NaturalDataset, keyword: string): number | undefined {
  const [first] = values(dataset, keyword);
  return toNumber(first);
}

export function requireNumber(dataset: NaturalDataset, keyword: string, context: string): number {
  const value = optionalNumber(dataset, keyword);
  if (value === undefined) throw missing(keyword, context);
  return value;
}

export function optionalNumbers(dataset: NaturalDataset, keyword: string): number[] | undefined {
  const numbers = values(dataset, keyword).map(toNumber);
  return numbers.length > 0 && numbers.every((n) => n !== undefined) ? (numbers as number[]) : undefined;
}

/** A multi-valued numeric attribute with exactly `count` values (IPP 3, IOP 6, PixelSpacing 2). */
export function requireNumbers(dataset: NaturalDataset, keyword: string, count: number, context: string): number[] {
  const numbers = optionalNumbers(dataset, keyword);
  if (numbers === undefined) throw missing(keyword, context);
  if (numbers.length !== count) {
    throw new InvalidDicomError(`${context} has ${keyword} with ${numbers.length} values; ${count} expected`, {
      attribute: keyword,
      values: numbers,
    });
  }
  return numbers;
}

export function optionalStrings(dataset: NaturalDataset, keyword: string): string[] {
  return values(dataset, keyword).map(toText).filter((text): text is string => text !== undefined);
}

/** The items of a sequence attribute, each itself a naturalized dataset. */
export function sequenceItems(dataset: NaturalDataset, keyword: string): NaturalDataset[] {
  return values(dataset, keyword).filter(
    (item): item is NaturalDataset => typeof item === "object" && item !== null && !Array.isArray(item),
  );
}

/** The first item of a sequence, if any. */
export function firstItem(dataset: NaturalDataset, keyword: string): NaturalDataset | undefined {
  return sequenceItems(dataset, keyword)[0];
}
