// Text that is safe inside XML 1.0 (GraphML, SVG) as element content or a quoted attribute value.
// Spec: XML 1.0 §2.2 (Char) and §2.4: the five markup characters become entity/char references;
// characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF) become U+FFFD, since not even a character reference may name them.

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Element content; CR as &#13; so XML's line-end normalisation (§2.11) does not drop it. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD").replace(/[&<>"']/g, (c) => ENTITIES[c]!).replace(/\r/g, "&#13;");
}

/** For attribute values: also tab/LF/CR as character references, which attribute normalisation would turn into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n]/g, (c) => `&#${c.charCodeAt(0)};`);
}
