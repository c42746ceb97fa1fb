// TCGA studies are named `<cancer>_tcga[_…]` (reference §2.2): gbm_tcga_pan_can_atlas_2018 → TCGA-GBM,
// which is also the TCIA collection. Other studies have no TCGA project.

export function tcgaProjectOfStudy(studyId: string): string | null {
  const match = /^([a-z]+)_tcga(?:_|$)/.exec(studyId);
  return match ? `TCGA-${match[1]!.toUpperCase()}` : null;
}
