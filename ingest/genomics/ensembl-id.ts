// GDC's STAR-Counts gene ids carry a GENCODE version suffix (reference §1.7): ENSG00000000003.15.
// PAR copies on chrY are suffixed `_PAR_Y` (ENSG00000002586.20_PAR_Y).

export function isParYGeneId(geneId: string): boolean {
  return geneId.endsWith("_PAR_Y");
}

/** `ENSG00000000003.15` → `ENSG00000000003`; `…_PAR_Y` keeps the suffix so it stays distinct. */
export function stripEnsemblVersion(geneId: string): string {
  const parY = isParYGeneId(geneId);
  const base = parY ? geneId.slice(0, -"_PAR_Y".length) : geneId;
  const unversioned = base.replace(/\.\d+$/, "");
  return parY ? `${unversioned}_PAR_Y` : unversioned;
}
