// Independent readers for the CSV and TSV we write (a state machine per RFC 4180, and the TSV
// escape rules), so the tests check the files as another program would read them.
export function readCsv(text: string): { comments: string[]; records: string[][] } {
  const comments: string[] = [];
  const records: string[][] = [];
  let i = 0;
  while (text.startsWith("#", i)) {
    const end = text.indexOf("\r\n", i);
    comments.push(text.slice(i + 2, end));
    i = end + 2;
  }
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== "" || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ",") {
      record.push(field), (field = ""), (wasQuoted = false);
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field), records.push(record), (record = []), (field = ""), (wasQuoted = false), i++;
    } else if (c === "\r" || c === "\n") throw new Error(`a bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length) throw new Error("the last record does not end with CRLF");
  return { comments, records };
}

export function readTsv(text: string): { comments: string[]; records: string[][] } {
  if (!text.endsWith("\n")) throw new Error("the last record does not end with LF");
  const lines = text.slice(0, -1).split("\n");
  const comments = lines.filter((l) => l.startsWith("#")).map((l) => l.slice(2));
  const unescape = (f: string) => f.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\", "#": "#" })[c] ?? `\\${c}`);
  const records = lines.filter((l) => !l.startsWith("#")).map((l) => {
    if (l.includes("\r")) throw new Error("a raw CR inside a TSV record");
    return l.split("\t").map(unescape);
  });
  return { comments, records };
}
