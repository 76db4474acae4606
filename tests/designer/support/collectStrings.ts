// The English strings the modeler's libraries (and the modeler itself) pass through
// `translate`, found by reading their sources, and where in the modeler each one shows.
// Run directly to print them as JSON (`--shown` keeps only the ones the modeler shows):
//   npx tsx tests/designer/support/collectStrings.ts [--shown]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How the string was found: a literal `translate('…')` call (a template literal choosing
 * between two strings, `${n > 1 ? 's' : ''}`, gives both keys), a call whose key is built at
 * run time (`translate('…' + x)`: only the start of the key is known), a `label: '…'` of a
 * translated option catalogue, a `…_MSG` constant, or an element type named in the
 * properties panel header.
 */
export type StringPattern = 'translate' | 'prefix' | 'label' | 'message' | 'typeLabel';

export interface CollectedString {
  readonly text: string;
  /** The npm package the string comes from. */
  readonly pkg: string;
  /** Path of the source file inside the package (`lib/…` or, from a source map, `src/…`). */
  readonly file: string;
  readonly pattern: StringPattern;
}

/** The modeler's own sources, scanned like a package: the strings it passes to `translate` itself. */
export const OWN_SOURCES = 'designer/modeler';

/** The packages whose user-facing strings the modeler shows. */
export const SCANNED_PACKAGES = [
  'bpmn-js',
  'diagram-js',
  'bpmn-js-properties-panel',
  '@bpmn-io/properties-panel',
  'bpmn-js-element-templates',
  '@bpmn-io/element-template-chooser',
] as const;

const root = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));

/** `translate('…')`, `this._translate("…")`, `translate(`…`)` without interpolation; group 3 is `+` for a concatenation. */
const TRANSLATE_CALL = /(?:^|[^\w$.'"`])(?:this\.)?_?translate\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*([+,)])/g;
/** `label: '…'` in option catalogues whose labels are translated where the menu is built. */
const LABEL_LITERAL = /\blabel\s*:\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
/** `var SOME_ERR_MSG = '…'` constants handed to `translate(SOME_ERR_MSG)`. */
const MESSAGE_CONSTANT = /\b[A-Z][A-Z_]*_MSG\s*=\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
/** Keys of the properties panel's icon table: the concrete element types the header names. */
const ICON_TABLE_KEY = /^\s*'([A-Za-z]+)'\s*:/gm;

/** Files whose `label: '…'` literals reach `translate` (bpmn-js popup menus build entries from them). */
function hasTranslatedLabels(pkg: string, file: string): boolean {
  return pkg === 'bpmn-js' && /^lib\/features\/(popup-menu|replace)\//.test(file) && !file.endsWith('.d.ts');
}

interface SourceText {
  readonly pkg: string;
  readonly file: string;
  readonly text: string;
}

export function collectStrings(nodeModules = join(root, 'node_modules'), ownSources = join(root, OWN_SOURCES)): CollectedString[] {
  const found = new Map<string, CollectedString>();
  const add = (entry: CollectedString) => {
    const key = `${entry.pkg}\u0000${entry.file}\u0000${entry.text}`;
    if (entry.text.trim() && !found.has(key)) found.set(key, entry);
  };

  const sources = [...SCANNED_PACKAGES.flatMap((pkg) => sourcesOf(join(nodeModules, pkg), pkg)), ...ownSourcesOf(ownSources)];
  for (const source of sources) {
    const { pkg, file, text } = source;
    for (const match of text.matchAll(TRANSLATE_CALL)) {
      const variants = match[1] === '`' ? templateVariants(match[2]) : [match[2]];
      if (variants && match[3] !== '+') {
        for (const variant of variants) add({ pkg, file, text: unescapeJs(variant), pattern: 'translate' });
      } else {
        add({ pkg, file, text: unescapeJs(match[2].split('${')[0]), pattern: 'prefix' });
      }
    }
    for (const literal of literals(text, MESSAGE_CONSTANT)) add({ pkg, file, text: literal, pattern: 'message' });
    if (hasTranslatedLabels(pkg, file)) {
      for (const literal of literals(text, LABEL_LITERAL)) add({ pkg, file, text: literal, pattern: 'label' });
    }
    if (pkg === 'bpmn-js-properties-panel' && file === 'src/icons/index.js') {
      for (const match of text.matchAll(ICON_TABLE_KEY)) add({ pkg, file, text: typeLabel(match[1]), pattern: 'typeLabel' });
    }
  }
  return [...found.values()];
}

/**
 * The properties panel header names an element by its concrete type, spelled out the way
 * bpmn-js-properties-panel's PanelHeaderProvider does before translating it.
 */
export function typeLabel(concreteType: string): string {
  return concreteType.replace(/(\B[A-Z])/g, ' $1').replace(/(\bNon Interrupting)/g, '($1)');
}

/** Where a string shows in the modeler; `notShown` strings come from parts the modeler does not load. */
export type Area = 'palette' | 'contextPad' | 'popupMenu' | 'canvas' | 'propertiesPanel' | 'templateChooser' | 'page' | 'notShown';

interface AreaRule {
  readonly pkg: string;
  readonly file: RegExp;
  readonly area: Area;
  /** Why a `notShown` part is not loaded. */
  readonly reason?: string;
}

/** The first matching rule decides; a string that no rule matches counts as shown. */
export const AREA_RULES: readonly AreaRule[] = [
  { pkg: 'bpmn-js', file: /^lib\/features\/palette\//, area: 'palette' },
  { pkg: 'bpmn-js', file: /^lib\/features\/context-pad\//, area: 'contextPad' },
  { pkg: 'bpmn-js', file: /^lib\/features\/(popup-menu|replace|align-elements|distribute-elements)\//, area: 'popupMenu' },
  { pkg: 'bpmn-js', file: /^lib\/(draw|features\/(modeling-feedback|drilldown))\//, area: 'canvas' },
  { pkg: 'diagram-js', file: /^lib\/features\/search-pad\//, area: 'canvas' },
  { pkg: 'diagram-js', file: /^lib\/i18n\//, area: 'notShown', reason: 'the usage example in the documentation of the translate service' },
  {
    pkg: 'bpmn-js-properties-panel',
    file: /^src\/(provider|contextProvider)\/camunda-platform\//,
    area: 'notShown',
    reason: 'the Camunda 7 provider; the modeler loads the Zeebe (Camunda 8) provider',
  },
  {
    pkg: 'bpmn-js-properties-panel',
    file: /^src\/contextProvider\/zeebe\//,
    area: 'notShown',
    reason: 'help tooltips linking to the Camunda documentation; the modeler does not install the tooltip provider',
  },
  { pkg: 'bpmn-js-properties-panel', file: /^src\//, area: 'propertiesPanel' },
  { pkg: '@bpmn-io/properties-panel', file: /^src\//, area: 'propertiesPanel' },
  {
    pkg: 'bpmn-js-element-templates',
    file: /^src\/element-templates\//,
    area: 'notShown',
    reason: 'Camunda 7 element templates; the modeler loads the Camunda 8 (cloud) templates',
  },
  { pkg: 'bpmn-js-element-templates', file: /^src\/(cloud-element-templates|components)\//, area: 'propertiesPanel' },
  { pkg: '@bpmn-io/element-template-chooser', file: /^src\//, area: 'templateChooser' },
  { pkg: OWN_SOURCES, file: /^stepPalette\.ts$/, area: 'palette' },
  { pkg: OWN_SOURCES, file: /\.ts$/, area: 'page' },
];

export function areaOf(entry: Pick<CollectedString, 'pkg' | 'file'>): AreaRule | undefined {
  return AREA_RULES.find((rule) => rule.pkg === entry.pkg && rule.file.test(entry.file));
}

/** Strings the modeler shows: every area but `notShown`. */
export function shownStrings(strings: readonly CollectedString[]): CollectedString[] {
  return strings.filter((entry) => areaOf(entry)?.area !== 'notShown');
}

/** Distinct texts of the collected strings. */
export function textsOf(strings: readonly CollectedString[]): string[] {
  return [...new Set(strings.map((s) => s.text))].sort();
}

/**
 * A package's sources: `lib/**\/*.js` when it ships them (bpmn-js, diagram-js), otherwise the
 * original sources embedded in its `dist/*.js.map` files, otherwise its `dist/**\/*.js`.
 */
function sourcesOf(packageDir: string, pkg: string): SourceText[] {
  const lib = join(packageDir, 'lib');
  if (existsSync(lib)) return jsFiles(lib).map((path) => ({ pkg, file: toPosix(relative(packageDir, path)), text: readFileSync(path, 'utf8') }));

  const dist = join(packageDir, 'dist');
  const maps = readdirSync(dist).filter((name) => /\.(esm|es)\.js\.map$/.test(name));
  if (maps.length) return maps.flatMap((name) => mapSources(join(dist, name), pkg));
  return jsFiles(dist).map((path) => ({ pkg, file: toPosix(relative(packageDir, path)), text: readFileSync(path, 'utf8') }));
}

/** The modeler's TypeScript sources, without the translations themselves. */
function ownSourcesOf(dir: string): SourceText[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !toPosix(relative(dir, path)).startsWith('i18n/'))
    .map((path) => ({ pkg: OWN_SOURCES, file: toPosix(relative(dir, path)), text: readFileSync(path, 'utf8') }));
}

function mapSources(mapPath: string, pkg: string): SourceText[] {
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
  return map.sources.flatMap((source, i) => {
    const text = map.sourcesContent?.[i];
    // Bundled third-party code (preact, min-dash…) is not the package's own UI.
    if (!text || source.includes('node_modules')) return [];
    return [{ pkg, file: source.replace(/^(\.\.\/)+/, ''), text }];
  });
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js') && !entry.name.endsWith('.min.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The keys a template literal can produce when each `${…}` picks one of two string
 * literals (`${cond ? 'remove' : 'set a'}`); `undefined` when any part is computed otherwise.
 */
function templateVariants(literal: string): string[] | undefined {
  const parts = literal.split(/\$\{([^}]*)\}/);
  let variants = [''];
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 0) {
      variants = variants.map((variant) => variant + part);
      continue;
    }
    const choice = /\?\s*(['"])(.*?)\1\s*:\s*(['"])(.*?)\3\s*$/.exec(part);
    if (!choice) return undefined;
    variants = variants.flatMap((variant) => [variant + choice[2], variant + choice[4]]);
  }
  return variants;
}

function literals(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => unescapeJs(m[2]));
}

function unescapeJs(literal: string): string {
  return literal.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/gs, (_, esc: string) => {
    if (esc.startsWith('u{')) return String.fromCodePoint(parseInt(esc.slice(2, -1), 16));
    if (esc.startsWith('u') || esc.startsWith('x')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\n': '' } as Record<string, string>)[esc] ?? esc;
  });
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const strings = collectStrings();
  const selected = process.argv.includes('--shown') ? shownStrings(strings) : strings;
  console.log(JSON.stringify(selected.map((entry) => ({ ...entry, area: areaOf(entry)?.area })), null, 2));
}
