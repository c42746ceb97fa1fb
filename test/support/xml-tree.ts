// A small strict XML reader for tests (no DOM in Node): checks well-formedness (one root, matching
// tags, quoted unique attributes, only the five predefined entities and character references, no
// stray '<' or '&', only XML 1.0 characters) and returns the element tree with decoded text.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(text: string, where: number): string {
  if (text.includes("<")) throw new Error(`stray '<' near offset ${where}`);
  return text.replace(/&([^;\s&]*);?/g, (match, ref: string) => {
    if (!match.endsWith(";")) throw new Error(`unterminated reference '${match}' near offset ${where}`);
    if (ref in ENTITY) return ENTITY[ref]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref) ? parseInt(ref.slice(2), 16) : /^#([0-9]+)$/.test(ref) ? Number(ref.slice(1)) : NaN;
    if (!Number.isFinite(code)) throw new Error(`unknown entity '&${ref};' near offset ${where}`);
    return String.fromCodePoint(code);
  });
}

function attributesOf(source: string, where: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const rest = source.replace(/([A-Za-z_:][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g, (_, name: string, _q, dq?: string, sq?: string) => {
    if (name in attributes) throw new Error(`duplicate attribute '${name}' near offset ${where}`);
    attributes[name] = decode(dq ?? sq ?? "", where);
    return "";
  });
  if (rest.trim()) throw new Error(`malformed attributes '${rest.trim()}' near offset ${where}`);
  return attributes;
}

export function parseXml(xml: string): XmlElement {
  if (BAD_CHAR.test(xml)) throw new Error("a character XML 1.0 does not allow");
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, "").replace(/<!--[\s\S]*?-->/g, "");
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)([^<>]*?)(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    if (stack.length) stack[stack.length - 1]!.text += decode(between, last);
    else if (between.trim()) throw new Error(`text outside the root near offset ${last}`);
    last = tag.lastIndex;
    const [, closing, name, attrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? "nothing"}> near offset ${m.index}`);
      continue;
    }
    const element: XmlElement = { name: name!, attributes: attributesOf(attrs!, m.index), children: [], text: "" };
    if (stack.length) stack[stack.length - 1]!.children.push(element);
    else if (root) throw new Error("more than one root element");
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (body.slice(last).trim()) throw new Error("text after the root element");
  if (stack.length) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
