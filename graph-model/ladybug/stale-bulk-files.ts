// Temporary COPY files (`.bulk-<pid>-<n>.csv`) a killed process left beside the database. Only the
// process holding the database lock writes them, so once the lock is ours every such file is stale.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

const BULK_FILE = /^\.bulk-\d+-\d+\.csv$/;

/** Removes the stale bulk files in `directory`; returns their names. */
export async function removeStaleBulkFiles(directory: string): Promise<string[]> {
  const stale = (await readdir(directory)).filter((name) => BULK_FILE.test(name));
  for (const name of stale) await rm(path.join(directory, name), { force: true });
  return stale;
}
