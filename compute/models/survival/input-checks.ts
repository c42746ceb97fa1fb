// Input checks of the survival models: lengths, finite values, events present, no constant column.
import type { Matrix } from "../../stats/matrix.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import type { SurvivalData } from "./types.js";

/** Throws StatsInputError unless time/event are usable; returns the number of events. */
export function checkSurvival(data: SurvivalData, minEvents = 1): number {
  const { time, event } = data;
  if (time.length !== event.length) throw new StatsInputError("time and event must have one value per patient", { times: time.length, events: event.length });
  if (time.length === 0) throw new StatsInputError("no patients");
  let events = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    if (!Number.isFinite(t) || t < 0) throw new StatsInputError(`survival time at patient ${i} is missing, negative or non-finite`, { index: i, value: String(t) });
    const e = event[i]!;
    if (e !== 0 && e !== 1) throw new StatsInputError("event must be 1 (event) or 0 (censored)", { index: i, value: String(e) });
    events += e;
  }
  if (events === 0) throw new StatsInputError(`every one of the ${time.length} patients is censored: there is no event to model`, { n: time.length });
  if (events < minEvents) throw new StatsInputError(`too few events: ${events}, this model needs at least ${minEvents}`, { events, minEvents });
  return events;
}

/** Throws unless X has one finite row per patient and no constant column. */
export function checkCovariates(X: Matrix, n: number): void {
  if (X.rows !== n) throw new StatsInputError("X must have one row per patient (rows = patients, columns = covariates)", { rows: X.rows, patients: n });
  if (X.cols === 0) throw new StatsInputError("X has no covariate columns");
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k]!)) {
      const row = Math.floor(k / X.cols);
      throw new StatsInputError(`X has a missing or non-finite value at patient row ${row}, column ${k % X.cols}`, { row, column: k % X.cols, value: String(X.data[k]) });
    }
  }
  for (let j = 0; j < X.cols; j++) {
    const first = X.data[j]!;
    let same = true;
    for (let i = 1; i < X.rows && same; i++) same = X.data[i * X.cols + j] === first;
    if (same) throw new StatsInputError(`covariate column ${j} is constant over all patients; remove it before fitting`, { column: j });
  }
}
