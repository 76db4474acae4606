/**
 * A strict RFC 4180 reader for checking exports: records end with CRLF, a field with a comma,
 * quote or line break is quoted and its quotes doubled. Anything else is an error, so a
 * sloppy export fails the spec instead of being read generously.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    const { value, next } = text[index] === '"' ? quotedField(text, index) : plainField(text, index);
    record.push(value);
    if (text.startsWith('\r\n', next)) {
      records.push(record);
      record = [];
      index = next + 2;
    } else if (text[next] === ',') {
      index = next + 1;
      if (index === text.length) record.push('');
    } else if (next === text.length) {
      records.push(record);
      index = next;
    } else {
      throw new Error(`Expected a comma or CRLF after the field at offset ${index}, but got ${JSON.stringify(text.slice(next, next + 10))}`);
    }
  }
  return records;
}

function plainField(text: string, start: number): { value: string; next: number } {
  let end = start;
  while (end < text.length && text[end] !== ',' && text[end] !== '\r') {
    if (text[end] === '"' || text[end] === '\n') {
      throw new Error(`Expected a quoted field for ${JSON.stringify(text[end])} at offset ${end}`);
    }
    end += 1;
  }
  return { value: text.slice(start, end), next: end };
}

function quotedField(text: string, start: number): { value: string; next: number } {
  let value = '';
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1) throw new Error(`Expected a closing quote for the field at offset ${start}`);
    value += text.slice(index, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      index = quote + 2;
    } else {
      return { value, next: quote + 1 };
    }
  }
}
