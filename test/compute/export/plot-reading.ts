// Reading a plot SVG back as a person would: the axis from its printed tick labels and tick marks,
// and a path's vertices in data units.
import { descendants, type XmlElement } from "../../support/xml-tree.js";

export interface AxisTick {
  label: string;
  pixel: number;
}

/** Ticks of the axis group `x-axis` or `y-axis`: printed label and the pixel of the tick mark. */
export function axisTicks(root: XmlElement, axis: "x-axis" | "y-axis"): AxisTick[] {
  const group = descendants(root, "g").find((g) => g.attributes.class === axis)!;
  return descendants(group, "g")
    .filter((g) => g.attributes.class === "tick")
    .map((g) => {
      const line = g.children.find((c) => c.name === "line")!;
      const label = g.children.find((c) => c.name === "text")!.text;
      return { label, pixel: Number(axis === "x-axis" ? line.attributes.x1 : line.attributes.y1) };
    });
}

/** Pixel → data for a linear axis, fitted through its first and last printed ticks. */
export function linearAxis(root: XmlElement, axis: "x-axis" | "y-axis"): (pixel: number) => number {
  const ticks = axisTicks(root, axis);
  const a = ticks[0]!;
  const b = ticks[ticks.length - 1]!;
  const va = Number(a.label);
  const vb = Number(b.label);
  return (p) => va + ((p - a.pixel) / (b.pixel - a.pixel)) * (vb - va);
}

/** Vertices of an SVG path made of absolute M/L commands. */
export function pathVertices(d: string): Array<[number, number]> {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}
