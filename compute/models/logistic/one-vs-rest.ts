/** Multi-class labels → one binary target per class (sorted class names). */
export function oneVsRest(labels: readonly string[]): { classes: string[]; targets: Uint8Array[] } {
  void labels;
  throw new Error("not implemented yet");
}
