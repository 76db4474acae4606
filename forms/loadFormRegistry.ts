import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFormRegistry, type FormRegistry, type FormSchema } from './FormRegistry.js';
import { formIdOfPath } from './formUri.js';

/** This folder: the forms ship next to the code that reads them. */
const FORMS_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * Reads every `*.schema.json` under `dir`; a form's id is its path below `dir` without
 * the suffix (`khai-sinh/submission.schema.json` → `khai-sinh/submission`).
 */
export async function loadFormRegistry(dir: string = FORMS_DIR): Promise<FormRegistry> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const schemas: Record<string, FormSchema> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const id = formIdOfPath(relative(dir, file));
    if (id !== undefined) schemas[id] = await readSchema(file);
  }
  return createFormRegistry(schemas);
}

async function readSchema(file: string): Promise<FormSchema> {
  const text = await readFile(file, 'utf8');
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (cause) {
    throw new Error(`Expected ${file} to hold JSON, but: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new Error(`Expected ${file} to hold a JSON Schema object, but got ${Array.isArray(schema) ? 'an array' : typeof schema}`);
  }
  return schema as FormSchema;
}
