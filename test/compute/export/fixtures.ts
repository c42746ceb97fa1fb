// Map links for the formatter tests, with labels hostile to every format we write.
import type { MapLink } from "../../../compute/export/radiogenomic-map.js";

export const HOSTILE = [
  `comma, "quote" and 'apostrophe'`,
  "line\nbreak and\r\nCRLF",
  "tab\there",
  "<tag attr=\"x\">&amp; & &#38;</tag>",
  "#looks like a comment",
  "back\\slash \\t not a tab",
  "control\u0001\u0008chars",
  "emoji 🧬 and ümlaut, ∑ ρ",
  "  leading and trailing spaces  ",
  "",
];

function link(feature: string, target: string, targetKind: "PATHWAY" | "GENE", rho: number, q: number, name?: string): MapLink {
  return {
    kind: "CORRELATES_WITH",
    measure: "rho",
    effect: rho,
    feature: { key: `${feature}@abc123`, name: name ?? feature, family: "glcm", ibsiCode: "8ZQL", settingsHash: "abc123" },
    target: { kind: targetKind, key: target, name: targetKind === "PATHWAY" ? `${target} name` : null },
    p: q / 4,
    q,
    n: 30,
    analysisId: "assoc-1",
  };
}

export const LINKS: MapLink[] = [
  link("cm_joint_entr", "HALLMARK_HYPOXIA", "PATHWAY", 0.71, 0.001),
  link("cm_joint_entr", "CA9", "GENE", 0.52, 0.03),
  link("stat_cov", "HALLMARK_HYPOXIA", "PATHWAY", -0.44, 0.2),
  ...HOSTILE.map((name, i) => link(`hostile_${i}`, i % 2 ? "HALLMARK_HYPOXIA" : "P<&>'\"", "PATHWAY", -1 + i / 5, i / 10, name)),
];
