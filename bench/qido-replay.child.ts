// Child process of bench/scale-ingest: the QIDO replay in its own process (its CPU and memory stay out
// of the ingest's figures). Prints {"url": …} on stdout once listening. argv: '<json {patients, seriesPerPatient}>'.
import { startQidoReplay, type ReplayArchive } from "./qido-replay.js";

const archive = JSON.parse(process.argv[2]!) as ReplayArchive;
const { url } = await startQidoReplay(archive);
process.stdout.write(`${JSON.stringify({ url })}\n`);
