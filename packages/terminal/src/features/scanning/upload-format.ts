/**
 * What a scan is handed to a file field as, from the field's `accept` attribute: one PDF where
 * the field takes PDFs (or anything), else the pages as images in a type it takes. A field that
 * takes none of these gets no scan.
 */
export type UploadFormat = 'pdf' | 'png' | 'jpeg';

const accepting: Record<UploadFormat, readonly string[]> = {
  pdf: ['application/pdf', '.pdf', 'application/*', '*/*'],
  png: ['image/png', '.png', 'image/*'],
  jpeg: ['image/jpeg', 'image/jpg', 'image/pjpeg', '.jpg', '.jpeg', 'image/*'],
};

/** The preferred format the field accepts: PDF (one file for all pages), PNG (lossless), JPEG. */
export function uploadFormat(accept: string): UploadFormat | null {
  const types = accept
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter(Boolean);
  if (types.length === 0) return 'pdf';
  const formats: UploadFormat[] = ['pdf', 'png', 'jpeg'];
  return formats.find((format) => accepting[format].some((type) => types.includes(type))) ?? null;
}

/**
 * The most pages a citizen can scan for the field: images are one file a page, so a field for
 * one file takes one page.
 */
export function pagesFor(format: UploadFormat, multiple: boolean, maxPages: number): number {
  return format === 'pdf' || multiple ? maxPages : 1;
}
