// The modeler bundle on a page like the designer's, served from memory to headless Chromium.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { modelerBuildOptions } from '../../../designer/modeler/bundle.js';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ORIGIN = 'http://modeler.test';

const root = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));

/**
 * Debian's Chromium, headless. Without it the spec is skipped locally and fails in CI
 * (`CI=true`), where .ci/run installs it.
 */
export async function launchChromium(context: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`Expected Chromium at ${CHROMIUM} (apt-get install chromium)`);
    context.skip();
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** designer/modeler/index.ts bundled the way the service will bundle it: path → contents. */
export async function bundleModeler(): Promise<Map<string, Buffer>> {
  const result = await build({
    ...modelerBuildOptions(join(root, 'designer', 'modeler', 'index.ts'), '/modeler'),
    write: false,
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [file.path, Buffer.from(file.contents)]));
}

export interface PageOptions {
  /** The BPMN the page serves; a shipped procedure's model by default. */
  readonly bpmn?: string;
  /** `data-language` of `#modeler`; none by default, so the page's `lang="vi"` decides. */
  readonly language?: string;
}

/**
 * What the specs call on `window.motcuaModeler` (designer/modeler/mountModeler.ts: ModelerHandle,
 * which needs the DOM types the specs are not compiled with).
 */
export interface ModelerApi {
  getXml(): Promise<string>;
  importXml(xml: string): Promise<string[]>;
  undo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  showProblems(problems: { elementId: string; message: string }[]): { elementId: string; message: string }[];
  addStep(kind: string, options?: { after?: string }): string;
  readonly modeler: { get(name: string): { get(id: string): unknown; select(element: unknown): void } };
}

/** The page's global with the mounted modeler, as evaluated in the browser. */
export interface ModelerWindow {
  readonly motcuaModeler: ModelerApi;
}

/** Opens the page and waits until the modeler has mounted (`window.motcuaModeler`). */
export async function openModelerPage(browser: Browser, bundle: Map<string, Buffer>, options: PageOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/thiet-ke/ly-lich-tu-phap') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(options) });
    if (path === '/process.bpmn') return route.fulfill({ contentType: 'application/xml', body: options.bpmn ?? shippedModel('ly-lich-tu-phap') });
    if (path === '/api/agencies') return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ agencies: demoAgencies() }) });
    const asset = bundle.get(path);
    if (asset) return route.fulfill({ contentType: contentType(path), body: asset });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto(`${ORIGIN}/thiet-ke/ly-lich-tu-phap`);
  await page.waitForFunction('window.motcuaModeler !== undefined || document.querySelector(".motcua-modeler-error") !== null');
  if (errors.length) throw new Error(`Expected the modeler page to load without errors, but got: ${errors.join('; ')}`);
  return page;
}

export function shippedModel(code: string): string {
  return readFileSync(join(root, 'processes', code, 'process.bpmn'), 'utf8');
}

interface AgencyNode {
  readonly id: string;
  readonly unitCode: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly receivesDossiers?: boolean;
  readonly children?: readonly AgencyNode[];
}

/** processes/agencies.json flattened the way `/api/agencies` lists it. */
export function demoAgencies(): object[] {
  const tree = JSON.parse(readFileSync(join(root, 'processes', 'agencies.json'), 'utf8')) as AgencyNode;
  const flatten = (node: AgencyNode, parentId: string | null): object[] => [
    { id: node.id, parentId, unitCode: node.unitCode, name: node.name, level: node.level, kind: node.kind, receivesDossiers: node.receivesDossiers ?? false },
    ...(node.children ?? []).flatMap((child) => flatten(child, node.id)),
  ];
  return flatten(tree, null);
}

function html(options: PageOptions): string {
  const language = options.language ? ` data-language="${options.language}"` : '';
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Thiết kế quy trình</title><link rel="stylesheet" href="/modeler/index.css"></head>
<body style="margin:0; display:flex; flex-direction:column; height:100vh">
  <header style="padding:8px"><input id="procedure-name" aria-label="Tên thủ tục" value="Cấp phiếu lý lịch tư pháp"></header>
  <main style="flex:1; display:flex; min-height:0">
    <div id="modeler" style="flex:1; height:100%" data-bpmn-url="/process.bpmn" data-agencies-url="/api/agencies"${language}></div>
    <div id="properties" style="width:360px; height:100%; overflow:auto; border-left:1px solid #ccc"></div>
  </main>
  <script type="module" src="/modeler/index.js"></script>
</body>
</html>`;
}

function contentType(path: string): string {
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.css')) return 'text/css';
  if (path.endsWith('.svg')) return 'image/svg+xml';
  return 'application/octet-stream';
}
