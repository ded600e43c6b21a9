import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const ARGON2ID = 2 // Algorithm.Argon2id, a const enum that isolated modules cannot import
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password)
}

/** A hash of nothing anyone knows: verified against when the user does not exist, so a login for
 * an unknown brand or user takes as long as a wrong password (no enumeration by timing). */
export const decoyHash: Promise<string> = hashPassword(randomBytes(32).toString('base64url'))

/** A random password for a generated account: 24 characters, 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}
