// ROC curves as SVG: the chance diagonal, one curve per label, AUC in the legend.
export interface RocCurveInput {
  label: string;
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
  auc: number;
}

export interface RocCurvesSvgOptions {
  title?: string;
}

export function rocCurvesSvg(curves: readonly RocCurveInput[], options: RocCurvesSvgOptions = {}): string {
  void curves;
  void options;
  throw new Error("not implemented yet");
}
