/** The administrator every test server starts with (brand `acme`). */
export const ADMIN_DEFAULTS = { brand: 'acme', username: 'admin', password: 'admin-password-1234' } as const
