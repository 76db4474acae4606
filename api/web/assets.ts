import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Router } from 'express';
import type { Logger } from 'pino';
import { onePreactPlugin } from '../../designer/modeler/bundle.js';

/** A built browser file, held in memory. */
interface Asset {
  readonly contents: Uint8Array;
  readonly type: string;
  readonly etag: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const bundles = new Map<string, Promise<Map<string, Asset>>>();

/**
 * The browser bundles: every `designer/<name>/index.ts` becomes `/assets/<name>.js`
 * (and `<name>.css` when it imports styles, with its fonts beside it). Each bundle is
 * built on its own with esbuild, in memory, the first time a page asks for it, and
 * kept for the life of the process; one bundle failing to build leaves the others served.
 */
export function webBundle(root: string, name: string, logger?: Logger): Promise<Map<string, Asset>> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = buildBundle(root, name, logger).catch((error: unknown) => {
      bundles.delete(name);
      throw error;
    });
    bundles.set(name, bundle);
  }
  return bundle;
}

let naming: Promise<string[]> | undefined;

/** The names of the bundles: the folders of `designer/` that hold an `index.ts`, read once per process like the bundles. */
function bundleNames(root: string): Promise<string[]> {
  naming ??= readBundleNames(root).catch((error: unknown) => {
    naming = undefined;
    throw error;
  });
  return naming;
}

async function readBundleNames(root: string): Promise<string[]> {
  const designer = join(root, 'designer');
  const names: string[] = [];
  for (const name of await readdir(designer)) {
    if (await stat(join(designer, name, 'index.ts')).then((s) => s.isFile(), () => false)) names.push(name);
  }
  return names;
}

async function buildBundle(root: string, name: string, logger?: Logger): Promise<Map<string, Asset>> {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    entryPoints: { [name]: join(root, 'designer', name, 'index.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    write: false,
    outdir: '/assets',
    assetNames: '[name]-[hash]',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [onePreactPlugin],
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const fileName = basename(file.path);
    assets.set(fileName, {
      contents: file.contents,
      type: TYPES[extname(fileName)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(file.contents).digest('base64url').slice(0, 20)}"`,
    });
  }
  logger?.info({ bundle: name, files: assets.size, ms: Date.now() - started }, 'browser bundle built');
  return assets;
}

/** The bundle that serves a file: `<name>.js` and `<name>.css` name it; other files (fonts) are looked up in every bundle. */
async function findAsset(root: string, file: string, logger?: Logger): Promise<Asset | undefined> {
  const names = await bundleNames(root);
  const own = /^([\w-]+)\.(?:js|css)$/.exec(file)?.[1];
  if (own !== undefined) return names.includes(own) ? (await webBundle(root, own, logger)).get(file) : undefined;
  const built = await Promise.allSettled(names.map((name) => webBundle(root, name, logger)));
  for (const result of built) {
    if (result.status === 'fulfilled' && result.value.has(file)) return result.value.get(file);
  }
  return undefined;
}

/** `GET /assets/<file>`: the built bundles, revalidated by ETag. */
export function assetRoutes(root: string, logger?: Logger): Router {
  const router = Router();
  router.get('/assets/:file', async (req, res, next) => {
    const asset = await findAsset(root, req.params.file, logger);
    if (!asset) {
      next();
      return;
    }
    res.setHeader('Content-Type', asset.type);
    res.setHeader('ETag', asset.etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    res.send(Buffer.from(asset.contents));
  });
  return router;
}
