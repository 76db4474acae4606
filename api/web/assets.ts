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

let building: Promise<Map<string, Asset>> | undefined;

/**
 * The browser bundles: every `designer/<name>/index.ts` becomes `/assets/<name>.js`
 * (and `<name>.css` when it imports styles). They are built with esbuild in
 * memory the first time a page asks for one, once per process.
 */
export function webAssets(root: string, logger?: Logger): Promise<Map<string, Asset>> {
  building ??= buildAssets(root, logger).catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function buildAssets(root: string, logger?: Logger): Promise<Map<string, Asset>> {
  const { build } = await import('esbuild');
  const designer = join(root, 'designer');
  const entryPoints: Record<string, string> = {};
  for (const name of await readdir(designer)) {
    const entry = join(designer, name, 'index.ts');
    if (await stat(entry).then((s) => s.isFile(), () => false)) entryPoints[name] = entry;
  }
  const started = Date.now();
  const result = await build({
    entryPoints,
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
    plugins: [onePreactPlugin],
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    assets.set(name, {
      contents: file.contents,
      type: TYPES[extname(name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(file.contents).digest('base64url').slice(0, 20)}"`,
    });
  }
  logger?.info({ bundles: Object.keys(entryPoints), files: assets.size, ms: Date.now() - started }, 'browser bundles built');
  return assets;
}

/** `GET /assets/<file>`: the built bundles, revalidated by ETag. */
export function assetRoutes(root: string, logger?: Logger): Router {
  const router = Router();
  router.get('/assets/:file', async (req, res, next) => {
    const asset = (await webAssets(root, logger)).get(req.params.file);
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
