import type { Db } from '../store/Db.js';
import { saveTrees, type TreeWrite } from '../store/TreeStore.js';

interface Pending {
  readonly write: TreeWrite;
  readonly resolve: (applied: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for commands that run on their own: while a write is on its
 * way to the database, the writes of other commands that finish meanwhile
 * queue up and go out together as one statement. A lone command is written at
 * once; under load, round trips and commits are shared. A tree appears once
 * per statement; a batch that fails is retried write by write, so one bad
 * write fails only its own command.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Db,
    private readonly maxInFlight: number,
    private readonly maxBatch = 64,
  ) {}

  save(write: TreeWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const roots = new Set<string>();
      for (const pending of this.queue) {
        const root = pending.write.changes.rootKey;
        if (batch.length < this.maxBatch && !roots.has(root)) {
          batch.push(pending);
          roots.add(root);
        } else {
          rest.push(pending);
        }
      }
      this.queue = rest;
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: readonly Pending[]): Promise<void> {
    try {
      const applied = await saveTrees(this.db, batch.map((p) => p.write));
      for (const p of batch) p.resolve(applied.has(p.write.changes.rootKey));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const p of batch) {
        try {
          p.resolve((await saveTrees(this.db, [p.write])).has(p.write.changes.rootKey));
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }
}
