import { ProblemException } from '../errors/problem';

const MiB = 1024 * 1024;

export const MULTIPART_LIMITS = {
  fileSize: 10 * MiB,
  files: 12,
  fields: 20,
  fieldSize: 1 * MiB,
  parts: 40,
};

const sizeOf = (bytes: number) => `${bytes / MiB} MiB`;

interface MultipartError {
  code?: string;
  part?: { fieldname?: string; filename?: string };
}

/** @fastify/multipart's errors (by code) as problems; limits a client can stay within are 4xx. */
const BY_CODE: Record<string, (error: MultipartError, fileSize: number) => ProblemException> = {
  FST_REQ_FILE_TOO_LARGE: ({ part }, fileSize) =>
    fileTooLarge(part?.fieldname ?? 'file', part?.filename ?? '', fileSize),
  FST_FILES_LIMIT: () =>
    ProblemException.badRequest(`Send at most ${MULTIPART_LIMITS.files} files at once.`, 'too-many-files'),
  FST_FIELDS_LIMIT: () =>
    ProblemException.badRequest(`Send at most ${MULTIPART_LIMITS.fields} form fields at once.`, 'too-many-fields'),
  FST_PARTS_LIMIT: () =>
    ProblemException.badRequest(`Send at most ${MULTIPART_LIMITS.parts} parts at once.`, 'too-many-parts'),
  FST_INVALID_JSON_FIELD_ERROR: () =>
    ProblemException.badRequest('A form field declared as application/json is not valid JSON.', 'invalid-json-field'),
  FST_PROTO_VIOLATION: () => ProblemException.badRequest('A form field has a reserved name.', 'malformed-multipart'),
};

export function fileTooLarge(field: string, filename: string, fileSize = MULTIPART_LIMITS.fileSize): ProblemException {
  const name = filename ? `"${filename}"` : 'The file';
  const message = `${name} is larger than ${sizeOf(fileSize)}.`;
  return ProblemException.payloadTooLarge(`${message} (field ${field})`, 'file-too-large', [{ field, message }]);
}

export function fieldTooLarge(field: string): ProblemException {
  const message = `is longer than ${sizeOf(MULTIPART_LIMITS.fieldSize)}`;
  return ProblemException.payloadTooLarge(`${field} ${message}.`, 'field-too-large', [{ field, message }]);
}

export function duplicateField(field: string): ProblemException {
  const message = 'was sent more than once';
  return ProblemException.badRequest(`${field} ${message}.`, 'duplicate-field', [{ field, message }]);
}

export function interrupted(): ProblemException {
  return ProblemException.badRequest('The body ended before the upload was complete.', 'malformed-multipart');
}

/**
 * Anything that went wrong while reading a multipart body, as a problem. Besides the plugin's
 * coded errors, busboy throws plain errors for a body it cannot parse (no boundary, a part cut
 * short): those are the client's fault too, so 400 rather than a 500.
 */
export function multipartProblem(error: unknown, fileSize = MULTIPART_LIMITS.fileSize): ProblemException {
  if (error instanceof ProblemException) return error;
  const toProblem = BY_CODE[(error as MultipartError | null)?.code ?? ''];
  if (toProblem) return toProblem(error as MultipartError, fileSize);
  const reason = error instanceof Error ? ` (${error.message})` : '';
  return ProblemException.badRequest(`The multipart body could not be read${reason}.`, 'malformed-multipart');
}
