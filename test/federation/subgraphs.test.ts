// The subgraph split itself: every resolver serves exactly one subgraph, the three subgraphs compose
// (with @apollo/composition, as the CLI and scripts/compose-supergraph.sh do), the checked-in
// supergraph is current, and the composed API is exactly the all-in-one API clients already use.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { Kind, parse, print, type DefinitionNode, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { RESOLVERS, buildPlatformSchema } from "../../schema/build-schema.js";
import { CompositionError, composeSupergraph, platformSubgraphSdls } from "../../schema/compose-supergraph.js";
import { MEMBERSHIP, SUBGRAPH_NAMES, SUBGRAPH_RESOLVERS } from "../../schema/subgraphs.js";

const run = promisify(execFile);

/**
 * The SDL with definitions, fields, arguments and enum values in name order, so two schemas compare by
 * content; without Subscription, which only the all-in-one server serves (the gateway proxies none).
 */
function normalised(sdl: string): string {
  const byName = <T extends { name: { value: string } }>(items: readonly T[] | undefined) => [...(items ?? [])].sort((a, b) => a.name.value.localeCompare(b.name.value));
  const definitions = parse(sdl)
    .definitions.filter((d): d is DefinitionNode & { name: { value: string } } => "name" in d && !!d.name && d.name.value !== "Subscription")
    .map((d) => {
      const def = d as any;
      return {
        ...def,
        fields: def.fields && byName(def.fields).map((f: any) => ({ ...f, arguments: f.arguments && byName(f.arguments) })),
        values: def.values && byName(def.values),
      };
    });
  return print({ kind: Kind.DOCUMENT, definitions: byName(definitions) } as DocumentNode);
}

describe("Federation subgraphs (no store)", () => {
  it("gives every all-in-one resolver to exactly one subgraph", () => {
    for (const resolver of RESOLVERS) {
      const homes = MEMBERSHIP.filter(([member]) => member === resolver).map(([, name]) => name);
      expect(homes, `${resolver.name} must be in exactly one subgraph (MEMBERSHIP in schema/subgraphs.ts)`).toHaveLength(1);
    }
    expect(MEMBERSHIP.every(([member]) => (RESOLVERS as readonly unknown[]).includes(member))).toBe(true);
    expect(SUBGRAPH_NAMES.flatMap((name) => SUBGRAPH_RESOLVERS[name])).toHaveLength(RESOLVERS.length);
  });

  it("composes the three subgraphs into a supergraph", async () => {
    const { supergraphSdl } = await composeSupergraph();
    for (const name of SUBGRAPH_NAMES) expect(supergraphSdl).toContain(`@join__graph(name: "${name}"`);
    expect(supergraphSdl).toMatch(/type Patient\s+@join__type\(graph: GENOMICS, key: "id"\)\s+@join__type\(graph: IMAGING, key: "id"\)/);
  });

  it("composes to exactly the all-in-one API (same types, fields, arguments and descriptions)", async () => {
    const services = (await platformSubgraphSdls()).map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: s.url }));
    const result = composeServices(services);
    expect(result.errors).toBeUndefined();
    const federatedApi = printSubgraphSchema(result.schema!.toAPISchema().toGraphQLJSSchema());
    const allInOne = printSubgraphSchema(await buildPlatformSchema());
    expect(normalised(federatedApi)).toBe(normalised(allInOne));
  });

  it("fails composition when an outside subgraph contradicts an entity's key type", async () => {
    const broken = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Patient @key(fields: "id") { id: Int! smokingHistory: String }
      type Query { smokers: [Patient!]! }`);
    await expect(composeSupergraph([{ name: "broken", typeDefs: broken }])).rejects.toBeInstanceOf(CompositionError);
    await expect(composeSupergraph([{ name: "broken", typeDefs: broken }])).rejects.toThrow(/Patient\.id/);
  });

  it("scripts/compose-supergraph.sh's command: the checked-in schema/supergraph.graphql is current", async () => {
    // dist/ is built by scripts/test.sh before the suite runs.
    const { stdout } = await run("node", ["dist/cli/radiogenomics.js", "compose", "--check", "schema/supergraph.graphql"]);
    expect(stdout).toContain("is current");
    await expect(run("node", ["dist/cli/radiogenomics.js", "compose", "--check", "package.json"])).rejects.toMatchObject({ code: 1 });
  });
});
