import { AppError, type FieldError } from '../errors.js';
import { OFFICER_ROLES, USER_KINDS, type NewUser, type OfficerRole, type UserKind } from './User.js';

export const MIN_PASSWORD_LENGTH = 8;
// Long enough for any passphrase; bounded so a request cannot make hashing arbitrarily costly.
const MAX_PASSWORD_LENGTH = 256;
const USERNAME = /^[a-z0-9][a-z0-9._@-]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 .-]{5,19}$/;

/** A `NewUser` with every field checked and normalised (username lower-case, text trimmed). */
export interface ValidNewUser {
  readonly id: string | undefined;
  readonly username: string;
  readonly password: string;
  readonly fullName: string;
  readonly kind: UserKind;
  readonly agencyId: string | null;
  readonly roles: OfficerRole[];
  readonly email: string | null;
  readonly phone: string | null;
  readonly active: boolean;
}

/** Check an account's fields, as they may arrive from a form; all problems are reported at once. */
export function validateNewUser(input: NewUser): ValidNewUser {
  const fields: FieldError[] = [];
  const problem = (path: string, message: string): void => {
    fields.push({ path, message });
  };

  const username = typeof input.username === 'string' ? normaliseUsername(input.username) : '';
  if (!USERNAME.test(username)) {
    problem('/username', 'Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang hoặc @.');
  }
  const passwordProblem = checkPassword(input.password);
  if (passwordProblem !== undefined) problem('/password', passwordProblem);

  const fullName = typeof input.fullName === 'string' ? input.fullName.trim() : '';
  if (fullName === '' || fullName.length > 200) problem('/fullName', 'Họ và tên không được để trống và không dài quá 200 ký tự.');

  if (!(USER_KINDS as readonly unknown[]).includes(input.kind)) {
    problem('/kind', `Loại tài khoản phải là một trong: ${USER_KINDS.join(', ')}.`);
  }
  const roles = input.roles ?? [];
  if (!Array.isArray(roles) || roles.some((role) => !(OFFICER_ROLES as readonly unknown[]).includes(role))) {
    problem('/roles', `Vai trò phải thuộc: ${OFFICER_ROLES.join(', ')}.`);
  }

  const id = optionalText(input.id);
  if (input.id !== undefined && (id === null || id.length > 100)) problem('/id', 'Mã tài khoản không hợp lệ.');
  const agencyId = optionalText(input.agencyId);
  if (input.agencyId !== undefined && input.agencyId !== null && agencyId === null) problem('/agencyId', 'Mã cơ quan không hợp lệ.');
  const email = optionalText(input.email);
  if (email !== null && !EMAIL.test(email)) problem('/email', 'Địa chỉ thư điện tử không hợp lệ.');
  const phone = optionalText(input.phone);
  if (phone !== null && !PHONE.test(phone)) problem('/phone', 'Số điện thoại không hợp lệ.');
  if (input.active !== undefined && typeof input.active !== 'boolean') problem('/active', 'Trạng thái hoạt động phải là true hoặc false.');

  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', 'Thông tin tài khoản không hợp lệ.', { fields });
  return {
    id: id ?? undefined,
    username,
    password: input.password,
    fullName,
    kind: input.kind,
    agencyId,
    roles: [...new Set(roles)],
    email,
    phone,
    active: input.active ?? true,
  };
}

/** The message for a password that cannot be set, or undefined when it can. */
export function checkPassword(password: unknown): string | undefined {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`;
  return undefined;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function optionalText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
