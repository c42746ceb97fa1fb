// A deterministic preset layout: features on an inner circle, pathways and genes on an outer one,
// each ring ordered by id, so the same map always draws the same picture (no force simulation).
export interface Position { x: number; y: number }

export function concentricLayout(nodes: readonly { id: string; kind: string }[], spacing = 40): Map<string, Position> {
  const rings = [nodes.filter((n) => n.kind === "FEATURE"), nodes.filter((n) => n.kind !== "FEATURE")].map((ring) => [...ring].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const positions = new Map<string, Position>();
  let radius = 0;
  for (const ring of rings) {
    // circumference ≥ spacing per node, and each ring clear of the previous one by `spacing`.
    radius = Math.max(radius + spacing, (ring.length * spacing) / (2 * Math.PI));
    ring.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2;
      positions.set(node.id, { x: Math.round(radius * Math.cos(angle) * 100) / 100, y: Math.round(radius * Math.sin(angle) * 100) / 100 });
    });
  }
  return positions;
}
