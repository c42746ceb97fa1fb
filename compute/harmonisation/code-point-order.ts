// Sorting labels as numpy's np.unique sorts Python str: by Unicode code point (not UTF-16 unit, not locale).
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The distinct labels, sorted by code point (= np.unique on an object array of str). */
export function sortedLevels(labels: readonly string[]): string[] {
  return [...new Set(labels)].sort(compareCodePoints);
}
