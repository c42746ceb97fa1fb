// A stable key for feature settings: the hash of their canonical form (defaults filled, keys sorted),
// so equal settings share stored values and different settings never do.
import { createHash } from "node:crypto";
import { canonicalSettings, type FeatureSettings } from "../../compute/features/settings.js";

export interface SettingsKey {
  readonly hash: string;
  /** The canonical settings, stored with every value for provenance. */
  readonly canonical: unknown;
}

export function settingsKey(settings: FeatureSettings): SettingsKey {
  const canonical = canonicalSettings(settings);
  return { hash: createHash("sha256").update(canonical).digest("hex").slice(0, 16), canonical: JSON.parse(canonical) };
}
