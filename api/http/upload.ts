import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../errors.js';

/**
 * One file per request (field `file`) held in memory: the limits are checked
 * here so an oversized or unexpected file is answered 413 / 415 before it
 * reaches a service.
 */
export function singleUpload(options: { maxBytes: number; types: readonly string[] }): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: options.maxBytes, files: 1, fields: 20 },
    fileFilter: (_req, file, accept) => {
      if (options.types.includes(file.mimetype)) accept(null, true);
      else accept(new AppError('UNSUPPORTED_MEDIA_TYPE', `Loại tệp «${file.mimetype}» không được chấp nhận; chỉ nhận ${describeTypes(options.types)}.`));
    },
  }).single('file');
  return (req, res, next) => {
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') {
          next(new AppError('PAYLOAD_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${describeSize(options.maxBytes)}).`));
        } else next(new AppError('BAD_REQUEST', `Tệp tải lên không hợp lệ: ${error.message}.`));
        return;
      }
      next(error as Error | undefined);
    });
  };
}

function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} byte`;
}

function describeTypes(types: readonly string[]): string {
  const names: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
  return types.map((t) => names[t] ?? t).join(', ');
}
