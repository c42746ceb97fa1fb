// Prepared statements of one Ladybug connection, kept by query text (least recently used out). The
// native binding has no way to free a prepared statement but the garbage collector, and V8 does not
// see its native memory: preparing every statement afresh grew a test process by ~100 kB per query
// (11 GB over a long suite). Our Cypher is parameterised, so a few hundred texts cover the platform,
// and a reused statement also skips parsing and planning.
import type lbug from "@ladybugdb/core";

export class PreparedStatements {
  private readonly byText = new Map<string, lbug.PreparedStatement>();

  constructor(
    private readonly prepare: (text: string) => Promise<lbug.PreparedStatement>,
    private readonly capacity = 512,
  ) {}

  async get(text: string): Promise<lbug.PreparedStatement> {
    const cached = this.byText.get(text);
    if (cached) {
      this.byText.delete(text); // re-inserted: the Map's order is the recency order
      this.byText.set(text, cached);
      return cached;
    }
    const prepared = await this.prepare(text);
    if (!prepared.isSuccess()) return prepared; // not kept: the caller reports the error
    this.byText.set(text, prepared);
    if (this.byText.size > this.capacity) this.byText.delete(this.byText.keys().next().value!);
    return prepared;
  }

  /** After a schema change: statements planned against the old catalogue are not reused. */
  clear(): void {
    this.byText.clear();
  }

  get size(): number {
    return this.byText.size;
  }
}
