// A tiny DICOM Part-10 writer (explicit VR little endian) for synthetic test files, e.g. an
// encapsulated or deflated transfer syntax that the pack does not contain.

export interface TestElement {
  readonly tag: number;
  readonly vr: string;
  /** Text, raw bytes, or for SQ the items (each a list of elements in ascending tag order). */
  readonly value: string | Uint8Array | readonly (readonly TestElement[])[];
}

const LONG_VRS = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);

export function part10File(
  transferSyntaxUID: string,
  elements: readonly TestElement[],
  options: { encapsulatedPixelData?: Uint8Array; omitMetaGroupLength?: boolean } = {},
): ArrayBuffer {
  const dataset = elements.map(encodeElement);
  if (options.encapsulatedPixelData) dataset.push(encapsulated(options.encapsulatedPixelData));
  const metaElements = [encodeElement({ tag: 0x00020010, vr: "UI", value: transferSyntaxUID })];
  const metaLength = metaElements.reduce((total, bytes) => total + bytes.length, 0);
  const groupLength = encodeElement({ tag: 0x00020000, vr: "UL", value: uint32(metaLength) });
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128);
  const meta = options.omitMetaGroupLength ? metaElements : [groupLength, ...metaElements];
  return concat([preamble, ...meta, ...dataset]).buffer as ArrayBuffer;
}

function encodeElement(element: TestElement): Uint8Array {
  const raw = encodeValue(element.value);
  const value = raw.length % 2 === 0 ? raw : concat([raw, new Uint8Array([element.vr === "UI" ? 0 : 0x20])]);
  const long = LONG_VRS.has(element.vr);
  const header = new DataView(new ArrayBuffer(long ? 12 : 8));
  header.setUint16(0, element.tag >>> 16, true);
  header.setUint16(2, element.tag & 0xffff, true);
  header.setUint8(4, element.vr.charCodeAt(0));
  header.setUint8(5, element.vr.charCodeAt(1));
  if (long) header.setUint32(8, value.length, true);
  else header.setUint16(6, value.length, true);
  return concat([new Uint8Array(header.buffer), value]);
}

function encodeValue(value: TestElement["value"]): Uint8Array {
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  return concat(value.map((item) => {
    const content = concat(item.map(encodeElement));
    return concat([itemHeader(0xe000, content.length), content]);
  }));
}

function encapsulated(fragment: Uint8Array): Uint8Array {
  const header = new DataView(new ArrayBuffer(12));
  header.setUint32(0, 0x00107fe0, true); // (7FE0,0010) little endian: group then element
  header.setUint8(4, "O".charCodeAt(0));
  header.setUint8(5, "B".charCodeAt(0));
  header.setUint32(8, 0xffffffff, true);
  const item = (bytes: Uint8Array) => concat([itemHeader(0xe000, bytes.length), bytes]);
  return concat([new Uint8Array(header.buffer), item(new Uint8Array(0)), item(fragment), itemHeader(0xe0dd, 0)]);
}

function itemHeader(element: number, length: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, element, true);
  view.setUint32(4, length, true);
  return new Uint8Array(view.buffer);
}

export function uint16(...values: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((value, index) => view.setUint16(index * 2, value, true));
  return new Uint8Array(view.buffer);
}

export function uint32(value: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, value, true);
  return new Uint8Array(view.buffer);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The header elements of a minimal 2×2 CT slice (elements must be in ascending tag order). */
export function minimalCtElements(): TestElement[] {
  return [
    { tag: 0x00080016, vr: "UI", value: "1.2.840.10008.5.1.4.1.1.2" },
    { tag: 0x00080018, vr: "UI", value: "2.25.77.1" },
    { tag: 0x00080060, vr: "CS", value: "CT" },
    { tag: 0x00100020, vr: "LO", value: "TCGA-02-0003" },
    { tag: 0x0020000d, vr: "UI", value: "2.25.77" },
    { tag: 0x0020000e, vr: "UI", value: "2.25.77.0" },
    { tag: 0x00200032, vr: "DS", value: "0\\0\\0" },
    { tag: 0x00200037, vr: "DS", value: "1\\0\\0\\0\\1\\0" },
    { tag: 0x00280010, vr: "US", value: uint16(2) },
    { tag: 0x00280011, vr: "US", value: uint16(2) },
    { tag: 0x00280030, vr: "DS", value: "1\\1" },
    { tag: 0x00280100, vr: "US", value: uint16(16) },
    { tag: 0x00280103, vr: "US", value: uint16(1) },
  ];
}
