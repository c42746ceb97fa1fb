// The store's patient count for the query-cost estimate of fields that scan the store, read at start
// and refreshed in the background (never on the request path: the estimate must be cheap).
import type { Logger } from "pino";
import type { GraphStore } from "../graph-model/graph-store.js";

export const PATIENT_COUNT_REFRESH_MS = 60_000;

export class StorePatientCount {
  private count: number | undefined;
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: Pick<GraphStore, "countPatients">, private readonly logger?: Logger) {}

  /** The last count read; undefined until the first read finished (the estimate then assumes a size). */
  get current(): number | undefined {
    return this.count;
  }

  async start(refreshMs = PATIENT_COUNT_REFRESH_MS): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      this.count = await this.store.countPatients({});
    } catch (error) {
      this.logger?.warn({ err: error }, "could not count the store's patients for the query-cost estimate; keeping the last count");
    }
  }
}
