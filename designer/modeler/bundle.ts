// How the service bundles the modeler (node side, not part of the browser bundle).
import type { BuildOptions, Plugin } from 'esbuild';

const SKIP = Symbol('resolved by one-preact');

/**
 * Makes `htm/preact` use the preact that @bpmn-io/diagram-js-ui renders with. The install
 * hoists another preact major to the top of node_modules (a dependency of preact-markup);
 * without this, diagram-js's `html` builds elements for one preact and renders them with
 * the other, and every popup menu (change element, template chooser, align) opens empty.
 */
export const onePreactPlugin: Plugin = {
  name: 'one-preact',
  setup(build) {
    let diagramJsUiDir: string | undefined;
    build.onResolve({ filter: /^preact(\/.*)?$/ }, async (args) => {
      if (args.pluginData === SKIP || !/[\\/]node_modules[\\/]htm[\\/]/.test(args.importer)) return undefined;
      if (!diagramJsUiDir) {
        const ui = await build.resolve('@bpmn-io/diagram-js-ui', { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: SKIP });
        if (ui.errors.length) return { errors: ui.errors };
        diagramJsUiDir = ui.path.replace(/[\\/][^\\/]*$/, '');
      }
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: diagramJsUiDir, pluginData: SKIP });
      return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

/** esbuild options for `designer/modeler/index.ts`: one ESM file plus its CSS and the BPMN font files. */
export function modelerBuildOptions(entryPoint: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entryPoint],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir,
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    plugins: [onePreactPlugin],
  };
}
