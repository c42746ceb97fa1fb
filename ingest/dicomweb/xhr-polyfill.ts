// Installs xhr2 as globalThis.XMLHttpRequest (once) for dicomweb-client.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const scope = globalThis as { XMLHttpRequest?: unknown };
scope.XMLHttpRequest ??= require("xhr2");
