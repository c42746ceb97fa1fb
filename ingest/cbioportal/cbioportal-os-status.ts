// cBioPortal status strings carry a `0:`/`1:` prefix ("1:DECEASED", "0:LIVING"; reference §2.5);
// legacy studies may write them without it.

export function isDeceased(osStatus: string | null | undefined): boolean | null {
  if (!osStatus) return null;
  const [code, label] = osStatus.includes(":") ? osStatus.split(":", 2) : [null, osStatus];
  if (code === "1") return true;
  if (code === "0") return false;
  const text = (label ?? "").trim().toUpperCase();
  if (text === "DECEASED" || text === "DEAD") return true;
  if (text === "LIVING" || text === "ALIVE") return false;
  return null;
}
