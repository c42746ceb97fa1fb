// Composes the platform's three subgraphs (plus any outside ones) into a Federation 2 supergraph
// with @apollo/composition: the build-time check that the subgraphs still fit together.
import { composeServices } from "@apollo/composition";
import type { DocumentNode } from "graphql";
import { PlatformError } from "../compute/errors.js";
import { subgraphDocuments } from "./subgraph-documents.js";

export interface SubgraphSdl {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  /** Where the gateway would reach it; placeholders are fine for a composition check. */
  readonly url?: string;
}

export class CompositionError extends PlatformError {
  constructor(messages: string[]) {
    super("INTERNAL", `the subgraphs do not compose:\n${messages.map((m) => `  - ${m}`).join("\n")}`, { errors: messages });
  }
}

/** The platform's subgraph documents, named, with placeholder URLs (http://<name>.subgraph.invalid/graphql). */
export async function platformSubgraphSdls(): Promise<SubgraphSdl[]> {
  return (await subgraphDocuments()).map(({ name, typeDefs }) => ({ name, typeDefs, url: `http://${name}.subgraph.invalid/graphql` }));
}

/** The supergraph SDL; throws CompositionError listing every composition error. */
export async function composeSupergraph(outside: readonly SubgraphSdl[] = []): Promise<{ supergraphSdl: string; hints: string[] }> {
  const services = [...(await platformSubgraphSdls()), ...outside].map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: s.url ?? `http://${s.name}.subgraph.invalid/graphql` }));
  const result = composeServices(services);
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => h.toString()) };
}
