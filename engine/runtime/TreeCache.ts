import type { StoredTree } from '../store/TreeStore.js';
import type { EngineEvent } from './events.js';

/**
 * Trees this engine wrote last, by root key, and which tree each record key
 * (task, job, timer, incident, instance) belongs to. A command found here
 * skips reading its tree; the revision guard on the write makes a stale entry
 * harmless: the write does not apply, the entry is dropped and the tree read
 * again. Only committed trees are kept, so a revision never names two documents.
 */
export class TreeCache {
  private readonly trees = new Map<string, StoredTree>();
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly maxTrees = 5_000,
    private readonly maxOwners = 100_000,
  ) {}

  find(recordKey: string): StoredTree | undefined {
    const rootKey = this.owners.get(recordKey) ?? recordKey;
    const tree = this.trees.get(rootKey);
    if (!tree) return undefined;
    // Map order is insertion order: re-inserting keeps recently used trees last, evicted last.
    this.trees.delete(rootKey);
    this.trees.set(rootKey, tree);
    return tree;
  }

  remember(tree: StoredTree, events: readonly EngineEvent[]): void {
    this.trees.delete(tree.rootKey);
    this.trees.set(tree.rootKey, tree);
    for (const e of events) if (e.rootKey) this.owners.set(e.key, e.rootKey);
    evict(this.trees, this.maxTrees);
    evict(this.owners, this.maxOwners);
  }

  forget(rootKey: string): void {
    this.trees.delete(rootKey);
  }
}

function evict<K, V>(map: Map<K, V>, max: number): void {
  if (map.size <= max) return;
  let excess = map.size - max;
  for (const key of map.keys()) {
    if (excess-- <= 0) break;
    map.delete(key);
  }
}
