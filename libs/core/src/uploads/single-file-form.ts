import { ProblemException, type FieldErrorDto } from '../errors/problem';
import type { MultipartBody, UploadedFile } from './multipart';

/**
 * The one file of a form that takes exactly one file and no text fields (a logo, an avatar…).
 * Anything else sent, no file or several → 400 naming the parts.
 */
export function singleFile(body: MultipartBody, field = 'file'): UploadedFile {
  const errors: FieldErrorDto[] = [
    ...Object.keys(body.fields).map((name) => ({
      field: name,
      message: `is not a field this form accepts (${field})`,
    })),
    ...[...new Set(body.files.map((file) => file.field))]
      .filter((name) => name !== field)
      .map((name) => ({ field: name, message: `is not a file this form accepts (${field})` })),
  ];
  const files = body.files.filter((file) => file.field === field);
  if (files.length !== 1) errors.push({ field, message: files.length ? 'accepts one file' : 'is required' });
  if (errors.length > 0) throw ProblemException.validation(errors);
  return files[0];
}
