import { describe, expect, it } from 'vitest';
import { pagesFor, uploadFormat } from '../src/features/scanning/upload-format.js';

describe('what a scan is handed to a file field as', () => {
  it.each([
    ['', 'pdf'],
    ['application/pdf', 'pdf'],
    ['.PDF', 'pdf'],
    ['image/jpeg, application/pdf', 'pdf'],
    ['*/*', 'pdf'],
    ['image/*', 'png'],
    ['.png,.jpg', 'png'],
    ['image/jpeg', 'jpeg'],
    [' .jpg , .jpeg ', 'jpeg'],
    ['video/*,.mp4', null],
    ['.docx', null],
  ])('accept="%s" → %s', (accept, format) => {
    expect(uploadFormat(accept)).toBe(format);
  });

  it('a PDF or a field for several files takes every page; a single image one', () => {
    expect(pagesFor('pdf', false, 10)).toBe(10);
    expect(pagesFor('png', true, 10)).toBe(10);
    expect(pagesFor('jpeg', false, 10)).toBe(1);
  });
});
