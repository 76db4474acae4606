import { createHash } from 'node:crypto';
import type { Db } from '../../engine/index.js';
import type { FormRegistry, FormSchema } from '../../forms/index.js';
import { canonicalJson } from '../audit/index.js';

/**
 * The id of a submission form built in the designer: `<code>/submission@<sha8>`, the
 * first 8 hex digits of the SHA-256 of its canonical JSON. The same form always gets
 * the same id, so an identical deploy keeps its version.
 */
export function designerFormId(code: string, schema: FormSchema): string {
  const digest = createHash('sha256').update(canonicalJson(schema)).digest('hex');
  return `${code}/submission@${digest.slice(0, 8)}`;
}

/** Keep a designer form inside the deploy's transaction; a form stored before is kept as it was. */
export async function storeDesignerForm(tx: Db, id: string, schema: FormSchema, actor: string): Promise<void> {
  await tx.query('INSERT INTO designer_forms (id, schema, created_by) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, JSON.stringify(schema), actor]);
}

/** At start: put every stored designer form back into the registry, so their procedures' submissions validate. */
export async function registerStoredForms(db: Db, forms: FormRegistry): Promise<number> {
  const { rows } = await db.query<{ id: string; schema: FormSchema }>('SELECT id, schema FROM designer_forms ORDER BY created_at, id');
  for (const row of rows) forms.register(row.id, row.schema);
  return rows.length;
}
