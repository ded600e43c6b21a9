import { Type } from 'typebox'

// A user's username and password, or (an addition) an app client's clientId and clientSecret:
// each pair is required when its kind is used, so a body lacking both reports username and password.
export const AuthenticateBody = Type.Object({
  brand: Type.String({ minLength: 1, maxLength: 100, description: 'The tenant brand name' }),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A user: with password' })),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 100, writeOnly: true })),
  clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'An app client (an addition): its appClientId, with clientSecret instead of username and password' })),
  clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 200, writeOnly: true })),
}, {
  if: { required: ['clientId'] },
  then: { required: ['clientSecret'] },
  else: { required: ['username', 'password'] },
})

export const AuthenticateResponse = Type.Object({
  token: Type.String({ description: 'JWT to send as Authorization: Bearer <token>' }),
  username: Type.String({ description: 'The user’s username, or the app client’s appClientId' }),
  expiresAt: Type.String({ format: 'date-time', description: 'When the token stops working (an addition)' }),
})

/** RFC 6749 §4.4.2: the client credentials grant, form-encoded; client credentials here or in Basic. */
export const TokenRequest = Type.Object(
  {
    grant_type: Type.Optional(Type.String({ description: 'client_credentials' })),
    client_id: Type.Optional(Type.String()),
    client_secret: Type.Optional(Type.String({ writeOnly: true })),
    scope: Type.Optional(Type.String({ description: 'Ignored: an app client’s roles decide what its token may do' })),
    brand: Type.Optional(Type.String({ description: 'Optional: the brand of the client (the client id alone finds it)' })),
  },
  // RFC 6749 §3.2: unknown parameters are ignored.
  { additionalProperties: true },
)

/** RFC 6749 §5.1. */
export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds' }),
})

/** RFC 6749 §5.2. */
export const TokenError = Type.Object({
  error: Type.Union(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'].map((code) => Type.Literal(code))),
  error_description: Type.Optional(Type.String()),
})
