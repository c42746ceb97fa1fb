// One import for the whole declared model.
export * from "./model/nodes.js";
export * from "./model/relationships.js";
export type { PropertyKind, PropertySpec, PropertySpecs } from "./model/properties.js";
