// Sources write protein changes without the HGVS `p.` prefix (GDC aa_change `L858R`, cBioPortal
// proteinChange `L858R`); the store keys HAS_MUTATION on the `p.` form.

export function hgvsProteinChange(change: string | null | undefined): string | null {
  const trimmed = change?.trim();
  if (!trimmed) return null;
  return trimmed.startsWith("p.") ? trimmed : `p.${trimmed}`;
}
