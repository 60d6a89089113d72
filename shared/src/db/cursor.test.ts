import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';

const secret = 'a-test-secret-that-is-long-enough-000';
const key = { pk: 'WS#a#ASSOC#01J', sk: 'PROFILE' };

describe('pagination cursor', () => {
  it('round-trips the last evaluated key for the same list', () => {
    const cursor = encodeCursor(secret, 'directory:a', key);
    expect(decodeCursor(secret, 'directory:a', cursor)).toEqual(key);
  });

  it('is opaque: the key is not readable as plain text', () => {
    expect(encodeCursor(secret, 'directory:a', key)).not.toContain('ASSOC');
  });

  it('rejects a cursor whose payload was edited', () => {
    const cursor = encodeCursor(secret, 'directory:a', key) as string;
    const [, signature] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ s: 'directory:a', k: { pk: 'WS#b#ASSOC#x', sk: 'PROFILE' } })).toString('base64url')}.${signature}`;
    expect(() => decodeCursor(secret, 'directory:a', forged)).toThrow(ValidationError);
  });

  it('rejects a cursor taken from another list or workspace', () => {
    const cursor = encodeCursor(secret, 'directory:a', key);
    expect(() => decodeCursor(secret, 'directory:b', cursor)).toThrow(ValidationError);
  });

  it('rejects a cursor signed with another secret, and garbage', () => {
    const cursor = encodeCursor('another-secret-that-is-long-enough-0', 'directory:a', key);
    expect(() => decodeCursor(secret, 'directory:a', cursor)).toThrow(ValidationError);
    expect(() => decodeCursor(secret, 'directory:a', 'not-a-cursor')).toThrow(ValidationError);
    expect(() => decodeCursor(secret, 'directory:a', 'a.b.c')).toThrow(ValidationError);
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(secret, 'directory:a', '')).toBeUndefined();
    expect(encodeCursor(secret, 'directory:a', undefined)).toBeUndefined();
  });
});
