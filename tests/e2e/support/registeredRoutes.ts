import type { Express } from 'express';

export interface RegisteredRoute {
  /** Lower-case HTTP method, as OpenAPI writes it. */
  readonly method: string;
  /** Express pattern, e.g. `/api/dossiers/:code`. */
  readonly path: string;
}

interface LayerLike {
  readonly route?: { readonly path: unknown; readonly methods: Record<string, boolean> };
  readonly handle?: { readonly stack?: readonly LayerLike[] };
  readonly rawPath?: unknown;
}

/**
 * Every method and path the application answers, read from Express 5's router
 * stack (routes, and routes of mounted routers) rather than from a list kept by hand.
 */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const stack = (app.router as unknown as { stack: readonly LayerLike[] }).stack;
  return collect(stack, '');
}

function collect(stack: readonly LayerLike[], prefix: string): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? (layer.route.path as unknown[]) : [layer.route.path];
      for (const path of paths) {
        if (typeof path !== 'string') throw new Error(`Expected route paths to be strings, but got ${String(path)}`);
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') routes.push({ method, path: prefix + path });
      }
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      routes.push(...collect(layer.handle.stack, prefix + mount));
    }
  }
  return routes;
}

/** `/api/dossiers/:code` → `/api/dossiers/{code}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}
