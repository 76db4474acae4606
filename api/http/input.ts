import type { Request } from 'express';
import { AppError, type FieldError } from '../errors.js';

/** The JSON body as an object, or a 400 that says so. */
export function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('BAD_REQUEST', 'Nội dung gửi lên phải là một đối tượng JSON.');
  return body as Record<string, unknown>;
}

/** Collects field problems so one answer lists all of them. */
export class FieldCheck {
  readonly fields: FieldError[] = [];

  string(body: Record<string, unknown>, name: string, label: string, options: { optional?: boolean; path?: string } = {}): string | undefined {
    const value = body[name];
    if (value === undefined || value === null || value === '') {
      if (!options.optional) this.fields.push({ path: options.path ?? `/${name}`, message: `Trường «${label}» là bắt buộc.` });
      return undefined;
    }
    if (typeof value !== 'string') {
      this.fields.push({ path: options.path ?? `/${name}`, message: `«${label}» phải là chuỗi ký tự.` });
      return undefined;
    }
    return value;
  }

  object(body: Record<string, unknown>, name: string, label: string, options: { optional?: boolean } = {}): Record<string, unknown> | undefined {
    const value = body[name];
    if (value === undefined || value === null) {
      if (!options.optional) this.fields.push({ path: `/${name}`, message: `Trường «${label}» là bắt buộc.` });
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.fields.push({ path: `/${name}`, message: `«${label}» phải là một đối tượng.` });
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  instant(body: Record<string, unknown>, name: string, label: string): Date | undefined {
    const text = this.string(body, name, label);
    if (text === undefined) return undefined;
    const date = new Date(text);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
      this.fields.push({ path: `/${name}`, message: `«${label}» phải là thời điểm ISO 8601, ví dụ 2026-03-05T17:00:00+07:00.` });
      return undefined;
    }
    return date;
  }

  done(message = 'Dữ liệu gửi lên chưa hợp lệ.'): void {
    if (this.fields.length) throw new AppError('VALIDATION_FAILED', message, { fields: this.fields });
  }
}

export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function queryFlag(req: Request, name: string): boolean {
  const value = queryString(req, name);
  return value === 'true' || value === '1';
}

/** A route parameter as one string (Express types allow arrays for wildcard segments). */
export function param(req: Request, name: string): string {
  const value = req.params[name] as string | string[] | undefined;
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}
