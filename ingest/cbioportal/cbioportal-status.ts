// cBioPortal survival status strings: "<code>:<label>" where code 1 is the event and 0 censoring
// (OS_STATUS 1:DECEASED/0:LIVING, PFS_STATUS 1:PROGRESSION/0:CENSORED, DFS_STATUS
// 1:Recurred/Progressed/0:DiseaseFree; reference §2.5, File-Formats doc). Legacy studies drop the code.
const EVENT_LABELS = new Set(["DECEASED", "DEAD", "PROGRESSION", "PROGRESSED", "RECURRED", "RECURRED/PROGRESSED"]);
const CENSORED_LABELS = new Set(["LIVING", "ALIVE", "CENSORED", "DISEASEFREE", "DISEASE FREE"]);

export function statusEvent(status: string | null | undefined): boolean | null {
  if (!status) return null;
  const [code, label] = /^[01]:/.test(status) ? [status[0], status.slice(2)] : [null, status];
  if (code === "1") return true;
  if (code === "0") return false;
  const text = (label ?? "").trim().toUpperCase();
  if (EVENT_LABELS.has(text)) return true;
  if (CENSORED_LABELS.has(text)) return false;
  return null;
}
