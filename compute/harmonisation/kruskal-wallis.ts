// Kruskal–Wallis H test with the tie correction, as scipy.stats.kruskal.
export interface KruskalWallisResult {
  statistic: number;
  degreesOfFreedom: number;
  p: number;
}

export function kruskalWallis(values: ArrayLike<number>, groups: readonly string[]): KruskalWallisResult {
  void values;
  void groups;
  throw new Error("not implemented yet");
}
