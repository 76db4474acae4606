import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { UserKind } from './User.js';

/**
 * Let the request through only with a signed-in user (`UNAUTHENTICATED` otherwise) and,
 * when kinds are given, only a user of one of those kinds (`FORBIDDEN` otherwise).
 */
export function requireUser(...kinds: UserKind[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.user === undefined) return next(new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.'));
    if (kinds.length > 0 && !kinds.includes(req.user.kind)) {
      return next(new AppError('FORBIDDEN', 'Tài khoản của bạn không có quyền thực hiện thao tác này.'));
    }
    next();
  };
}
