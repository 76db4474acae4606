import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { EngineError } from '../../engine/index.js';
import { AppError, type AppErrorCode } from '../errors.js';

/** The one place where a domain error code becomes an HTTP status. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
};

const ENGINE_CODES: Partial<Record<string, AppErrorCode>> = {
  NOT_FOUND: 'CONFLICT',
  INVALID_STATE: 'CONFLICT',
  CONFLICT: 'CONFLICT',
};

/** Express's own body errors (malformed JSON, a body over the limit) in the same JSON shape. */
function fromHttpError(error: { status?: number; type?: string }): AppError | undefined {
  if (error.type === 'entity.parse.failed') return new AppError('BAD_REQUEST', 'Nội dung gửi lên không phải JSON hợp lệ.');
  if (error.type === 'entity.too.large' || error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên vượt quá dung lượng cho phép.');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    let appError = error instanceof AppError ? error : fromHttpError(error as { status?: number; type?: string });
    if (!appError && error instanceof EngineError && ENGINE_CODES[error.code]) {
      // The step or instance moved on between the read and the command (another officer was faster).
      appError = new AppError(ENGINE_CODES[error.code]!, 'Hồ sơ vừa được cán bộ khác xử lý; vui lòng tải lại.');
    }
    if (!appError) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Đã có lỗi hệ thống; vui lòng thử lại sau hoặc liên hệ quản trị viên.' } });
      return;
    }
    const status = HTTP_STATUS[appError.code];
    if (status >= 500) logger.error({ err: error, path: req.path }, appError.message);
    res.status(status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.fields ? { fields: appError.fields } : {}),
        ...(appError.details ? { details: appError.details } : {}),
      },
    });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `Không có địa chỉ ${req.method} ${req.path}.`));
};
