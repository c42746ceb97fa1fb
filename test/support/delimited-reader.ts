// An independent reader for the CSV and TSV we write (one RFC 4180 state machine; TSV is the same with
// a tab separator and LF line ends), so the tests check the files as another program would read them.
// The bodies carry no provenance (it is in the <name>.provenance.json sidecar): `comments` stays for callers, always [].
function readDelimited(text: string, separator: string, newline: string): { comments: string[]; records: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== "" || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === separator) {
      record.push(field), (field = ""), (wasQuoted = false);
    } else if (text.startsWith(newline, i)) {
      record.push(field), records.push(record), (record = []), (field = ""), (wasQuoted = false), (i += newline.length - 1);
    } else if (c === "\r" || c === "\n") throw new Error(`a bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length) throw new Error("the last record does not end with a line break");
  return { comments: [], records };
}

export const readCsv = (text: string) => readDelimited(text, ",", "\r\n");
export const readTsv = (text: string) => readDelimited(text, "\t", "\n");
