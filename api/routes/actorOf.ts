import type { Request } from 'express';
import type { Actor } from '../dossiers/index.js';
import { AppError } from '../errors.js';

/** The signed-in account as the actor of a command; routes behind requireUser always have one. */
export function actorOf(req: Request): Actor {
  const user = req.user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
  return { kind: user.kind, username: user.username, fullName: user.fullName, agencyId: user.agencyId, roles: user.roles };
}
