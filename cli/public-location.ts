// What /health may say about where the store lives: a URI without credentials, or a directory's last
// component only (an absolute path tells an attacker the user name and layout of the machine).
import path from "node:path";

export function publicLocation(location: string): string {
  const uri = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(location);
  if (uri) return `${uri[1]}://${uri[2]}`;
  return path.isAbsolute(location) ? `…/${path.basename(location)}` : location;
}
