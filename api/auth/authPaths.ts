/** Where authRouter answers; the login path is also what csrfProtection lets through. */
export const AUTH_PATHS = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
} as const;
