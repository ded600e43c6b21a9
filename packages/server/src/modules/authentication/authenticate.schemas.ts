import { Type } from 'typebox'

export const AuthenticateBody = Type.Object({
  brand: Type.String({ minLength: 1, maxLength: 100, description: 'The tenant brand name' }),
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 100, writeOnly: true }),
})

export const AuthenticateResponse = Type.Object({
  token: Type.String({ description: 'JWT to send as Authorization: Bearer <token>' }),
  username: Type.String(),
  expiresAt: Type.String({ format: 'date-time', description: 'When the token stops working (an addition)' }),
})
