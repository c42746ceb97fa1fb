// Cypher for relationships and neighbourhoods: gene sets, expression, reverse links, deletes.
import { Collection, Gene, Pathway } from "../model/nodes.js";
import { EXPRESSES, IN_COLLECTION, IN_PATHWAY } from "../model/relationships.js";
import type { NodeSpec } from "../nodes-and-relationships.js";
import type { PathwayQuery } from "../graph-store.js";
import { project } from "./node.cypher.js";
import type { Dialect } from "./dialect.js";
import { cypher, type CypherQuery } from "./query.js";

export function clearPathwayMembers(pathwayIds: readonly string[]): CypherQuery {
  return cypher(`MATCH (:Gene)-[m:${IN_PATHWAY.type}]->(p:Pathway) WHERE p.id IN $ids DELETE m`, { ids: pathwayIds });
}

/** Members are genes by symbol, linked only when the gene is already in the graph (never created here). */
export function addPathwayMembers(rows: ReadonlyArray<{ pathway: string; symbol: string }>): CypherQuery {
  return cypher(
    `UNWIND $rows AS r MATCH (p:Pathway {id: r.pathway}) MATCH (g:Gene {symbol: r.symbol}) MERGE (g)-[:${IN_PATHWAY.type}]->(p)`,
    { rows },
  );
}

/** Which of the symbols name a Gene in the graph (the gene reference). */
export function knownGeneSymbols(symbols: readonly string[]): CypherQuery {
  return cypher(`MATCH (g:Gene) WHERE g.symbol IN $symbols RETURN g.symbol AS symbol`, { symbols });
}

export function pathwaysOfGenes(symbols: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (g:Gene)-[:${IN_PATHWAY.type}]->(n:Pathway) WHERE g.symbol IN $keys RETURN g.symbol AS parentKey, ${project(Pathway, "n")} ORDER BY parentKey, n.id`,
    { keys: symbols },
  );
}

export function genesOfPathways(pathwayIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (n:Gene)-[:${IN_PATHWAY.type}]->(p:Pathway) WHERE p.id IN $keys RETURN p.id AS parentKey, ${project(Gene, "n")} ORDER BY parentKey, n.symbol`,
    { keys: pathwayIds },
  );
}

export function pathways(query: PathwayQuery): CypherQuery {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.ids) {
    conditions.push("n.id IN $ids");
    params.ids = query.ids;
  }
  if (query.source !== undefined) {
    conditions.push("n.source = $source");
    params.source = query.source;
  }
  if (query.geneSymbol !== undefined) {
    conditions.push(`EXISTS { MATCH (:Gene {symbol: $geneSymbol})-[:${IN_PATHWAY.type}]->(n) }`);
    params.geneSymbol = query.geneSymbol;
  }
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  return cypher(`MATCH (n:Pathway) ${where} RETURN ${project(Pathway, "n")} ORDER BY n.id`, params);
}

/** Binds `e` to the expression of these patients for these genes from these sources (for deleteMatched). */
export function matchExpression(patientIds: readonly string[], symbols: readonly string[], sources: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (p:Patient)-[e:${EXPRESSES.type}]->(g:Gene) WHERE p.id IN $patients AND g.symbol IN $genes AND e.source IN $sources`,
    { patients: patientIds, genes: symbols, sources },
  );
}

/** Which of these genes hold values from these sources for any of these patients: a replace deletes only
 * theirs. Starts from the genes (index / primary key), so genes new to the graph cost nothing however large
 * the relationship table has grown (a fresh load's chunks skip the delete). */
export function genesWithExpression(patientIds: readonly string[], symbols: readonly string[], sources: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (g:Gene) WHERE g.symbol IN $genes AND EXISTS { MATCH (p:Patient)-[e:${EXPRESSES.type}]->(g) WHERE p.id IN $patients AND e.source IN $sources } RETURN g.symbol AS symbol`,
    { patients: patientIds, genes: symbols, sources },
  );
}

/** A source's expression values of one collection's patients (what one bulk expression load wrote). */
export function matchExpressionOfCollection(collectionId: string, source: string): CypherQuery {
  return cypher(
    `MATCH (p:Patient)-[:${IN_COLLECTION.type}]->(c:Collection) WHERE c.id = $collection MATCH (p)-[e:${EXPRESSES.type}]->(g:Gene) WHERE e.source = $source`,
    { collection: collectionId, source },
  );
}

/** Values come back column-wise, one row per (patient, source, release, source file) holding two parallel
 * lists, genes and [value, tpm, z]: Ladybug spends most of a large read materialising result values in JS
 * (measured at 10^6 stored values, 200 genes × 500 patients: 10^5 rows of 8 columns ≈ 2–3 s; per-gene
 * lists of per-patient maps ≈ 0.45–0.6 s; this ≈ 0.33–0.43 s), and the provenance strings come once per
 * patient instead of once per value. Each value is a list, never collected bare, so a null z or tpm keeps
 * its place (collect() drops nulls). */
export function expressionOf(patientIds: readonly string[], symbols: readonly string[], source: string | undefined, dialect: Dialect): CypherQuery {
  const bySource = source === undefined ? "" : " AND e.source = $source";
  // Left to itself Ladybug scans from the patients along every EXPRESSES edge, so the read grows with the
  // stored table (1.9 s for 200 genes at 10^7 values); the join-order hint starts from the asked genes.
  const match =
    dialect.name === "ladybug"
      ? `MATCH (p:Patient)-[e:${EXPRESSES.type}]->(g:Gene) WHERE g.symbol IN $genes AND p.id IN $patients${bySource} HINT (g JOIN e) JOIN p`
      : `MATCH (g:Gene) WHERE g.symbol IN $genes
     MATCH (p:Patient)-[e:${EXPRESSES.type}]->(g) WHERE p.id IN $patients${bySource}`;
  return cypher(
    `${match}
     RETURN p.id AS patientId, e.source AS source, e.dataRelease AS dataRelease, e.sourceFile AS sourceFile,
            collect(g.symbol) AS genes, collect([e.value, e.tpm, e.z]) AS measures`,
    { patients: patientIds, genes: symbols, ...(source === undefined ? {} : { source }) },
  );
}

export function countRelationships(type: string): CypherQuery {
  return cypher(`MATCH ()-[e:${type}]->() RETURN count(e) AS n`);
}

export function collectionsOfPatients(patientIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (c:Patient)-[:${IN_COLLECTION.type}]->(n:Collection) WHERE c.id IN $keys RETURN c.id AS parentKey, ${project(Collection, "n")}`,
    { keys: patientIds },
  );
}

/** Binds `e` to every relationship of a type (for deleteMatched). */
export function matchAllRelationships(type: string): CypherQuery {
  return cypher(`MATCH ()-[e:${type}]->()`);
}

/** Binds `n` to every node of a label (for deleteMatched). */
export function matchAllNodes(spec: NodeSpec): CypherQuery {
  return cypher(`MATCH (n:${spec.label})`);
}
