/** The text of each body row's cells in the first `<table>` carrying `className`. */
export function tableRows(html: string, className: string): string[][] {
  const table = new RegExp(`<table class="[^"]*\\b${className}\\b[^"]*">([\\s\\S]*?)</table>`).exec(html);
  if (table === null) throw new Error(`Expected a table with class '${className}' in the page`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => textOf(cell[1])),
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
  '&amp;': '&',
};

/**
 * What a reader sees of the page body: head, styles and the QR drawing dropped, inline tags removed, block tags turned to spaces,
 * Handlebars' entities decoded and white space collapsed, for assertions on wording.
 */
export function textOf(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<\/?(?:strong|em|span)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:lt|gt|quot|amp|#x27|#x60|#x3D);/g, (entity) => ENTITIES[entity])
    .replace(/\s+/g, ' ')
    .trim();
}
