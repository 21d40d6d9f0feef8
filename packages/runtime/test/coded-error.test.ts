import { describe, expect, it } from 'vitest';
import { CodedError } from '../src/coded-error.js';

class ReaderError extends CodedError<'gone' | 'busy'> {}

describe('CodedError', () => {
  it('carries its code, the subclass name and a cause', () => {
    const cause = new Error('socket closed');
    const error = new ReaderError('gone', 'the reader went away', { cause });
    expect(error).toBeInstanceOf(ReaderError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('gone');
    expect(error.name).toBe('ReaderError');
    expect(error.message).toBe('the reader went away');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('ReaderError: the reader went away');
  });
});
