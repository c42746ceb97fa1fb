// `compute features --filter <json | file>`: the IBSI profile's IBSI-2 filter setting, as the JSON object
// GraphQL's FeatureSettingsInput.filter takes (e.g. '{"kind":"LOG","sigma":3}'), inline or in a file.
import { readFileSync } from "node:fs";
import { BadUserInputError } from "../compute/errors.js";
import { ibsiFilterOf, type IbsiFilter } from "../compute/filters/ibsi-filter-spec.js";

/** The checked filter setting of the flag's value: inline JSON when it starts with "{", else a JSON file's path. */
export function filterOfFlag(value: string): IbsiFilter {
  let text = value;
  if (!value.trim().startsWith("{")) {
    try { text = readFileSync(value, "utf8"); } catch (error) {
      throw new BadUserInputError(`cannot read the --filter file '${value}': ${(error as Error).message}`, { field: "filter" });
    }
  }
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch (error) {
    throw new BadUserInputError(`--filter is not JSON (a filter object such as {"kind":"LOG","sigma":3}): ${(error as Error).message}`, { field: "filter" });
  }
  return ibsiFilterOf(parsed);
}
