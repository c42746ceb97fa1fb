// Forest plot of hazard ratios as SVG: points with 95 % CI whiskers on a log axis, the line HR = 1.
export interface ForestPlotRow {
  label: string;
  hazardRatio: number;
  ci95Lower: number;
  ci95Upper: number;
  p: number;
}

export interface ForestPlotSvgOptions {
  title?: string;
}

export function forestPlotSvg(rows: readonly ForestPlotRow[], options: ForestPlotSvgOptions = {}): string {
  void rows;
  void options;
  throw new Error("not implemented yet");
}
