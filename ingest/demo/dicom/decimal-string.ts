// DICOM DS values hold at most 16 characters. Geometry is rounded to what a DS can carry *before*
// writing, so the analytic truth is computed from exactly the numbers in the files.

const MAX_DS_LENGTH = 16;

export function toDecimalString(value: number): number {
  for (let digits = 15; digits > 1; digits--) {
    const rounded = Number(value.toPrecision(digits));
    if (String(rounded).length <= MAX_DS_LENGTH) return rounded;
  }
  throw new Error(`${value} cannot be written as a DICOM decimal string`);
}

export function toDecimalStrings<T extends readonly number[]>(values: T): T {
  return values.map(toDecimalString) as unknown as T;
}
