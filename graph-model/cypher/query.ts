// A Cypher statement and its parameters. User values only ever travel in `params`.
export interface CypherQuery {
  readonly text: string;
  readonly params: Record<string, unknown>;
}

export type Row = Record<string, unknown>;

export function cypher(text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { text, params };
}
