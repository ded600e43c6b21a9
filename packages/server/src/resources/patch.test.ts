import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../errors.ts'
import { applyPatchRequest, type PatchRequest } from './patch.ts'

const jsonPatch = (document: unknown): PatchRequest => ({ format: 'json-patch', document, ifMatch: undefined })
const mergePatch = (document: unknown): PatchRequest => ({ format: 'merge-patch', document, ifMatch: undefined })
const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  return 'none'
}

describe('PATCH documents', () => {
  // RFC 6902 appendix A, the examples that succeed.
  const examples: Array<[string, object, unknown[], object]> = [
    ['A.1 add an object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    ['A.2 add an array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
    ['A.3 remove an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    ['A.4 remove an array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    ['A.5 replace a value', { baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
    ['A.6 move a value', { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }], { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } }],
    ['A.7 move an array element', { foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], { foo: ['all', 'cows', 'eat', 'grass'] }],
    ['A.8 test a value', { baz: 'qux', foo: ['a', 2, 'c'] }, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }], { baz: 'qux', foo: ['a', 2, 'c'] }],
    ['A.10 add a nested member object', { foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }], { foo: 'bar', child: { grandchild: {} } }],
    ['A.11 ignore unrecognised elements', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }], { foo: 'bar', baz: 'qux' }],
    ['A.14 ~ escape ordering', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }], { '/': 9, '~1': 10 }],
    ['A.16 add an array value', { foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
  ]
  for (const [name, document, patch, expected] of examples) {
    it(`RFC 6902 ${name}`, () => {
      assert.deepEqual(applyPatchRequest(document as Record<string, unknown>, jsonPatch(patch), []), expected)
    })
  }

  it('RFC 6902 A.9 and A.15: a failing test is a conflict, and changes nothing', () => {
    const document = { baz: 'qux', '/': 9, '~1': 10 }
    assert.equal(code(() => applyPatchRequest(document, jsonPatch([{ op: 'test', path: '/baz', value: 'bar' }]), [])), 'patch_test_failed')
    assert.equal(code(() => applyPatchRequest(document, jsonPatch([{ op: 'test', path: '/~01', value: '10' }]), [])), 'patch_test_failed')
    assert.deepEqual(document, { baz: 'qux', '/': 9, '~1': 10 })
  })

  it('RFC 6902 A.12 and A.13: adding to a missing parent or an invalid op is a bad patch', () => {
    assert.equal(code(() => applyPatchRequest({ foo: 'bar' }, jsonPatch([{ op: 'add', path: '/baz/bat', value: 'qux' }]), [])), 'invalid_patch')
    assert.equal(code(() => applyPatchRequest({ foo: 'bar' }, jsonPatch([{ op: 'jump', path: '/foo' }]), [])), 'invalid_patch')
    assert.equal(code(() => applyPatchRequest({ foo: 'bar' }, jsonPatch({ op: 'add' }), [])), 'invalid_patch')
  })

  it('applies RFC 7396 merge patches (its appendix A examples)', () => {
    const cases: Array<[unknown, unknown, unknown]> = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ]
    for (const [target, patch, expected] of cases) {
      assert.deepEqual(applyPatchRequest(target as Record<string, unknown>, mergePatch(patch), []), expected)
    }
    assert.equal(code(() => applyPatchRequest({ a: 1 }, mergePatch(['c']), [])), 'invalid_patch')
  })

  it('refuses changes to read-only fields, by either format', () => {
    const current = { id: 7, name: 'x' }
    assert.equal(code(() => applyPatchRequest(current, jsonPatch([{ op: 'replace', path: '/id', value: 8 }]), ['id'])), 'validation_failed')
    assert.equal(code(() => applyPatchRequest(current, mergePatch({ id: null }), ['id'])), 'validation_failed')
    assert.deepEqual(applyPatchRequest(current, mergePatch({ id: 7, name: 'y' }), ['id']), { id: 7, name: 'y' })
  })
})
