import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem';
import { textFieldErrors } from '../validation/text-rule';

/** A file part, read into memory. `filename` and `declaredType` are the client's word only. */
export interface UploadedFile {
  field: string;
  filename: string;
  declaredType: string;
  bytes: Buffer;
}

/** A multipart/form-data body: text fields by name, files in the order they were sent. */
export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** Bodies built by the multipart hook; a JSON body shaped alike is not one of them. */
const parsedBodies = new WeakSet<MultipartBody>();

export function markMultipartBody(body: MultipartBody): MultipartBody {
  parsedBodies.add(body);
  return body;
}

export function isMultipartBody(body: unknown): body is MultipartBody {
  return typeof body === 'object' && body !== null && parsedBodies.has(body as MultipartBody);
}

/** The parsed multipart body of the request; 415 when the request was not multipart/form-data. */
export function multipartBody(request: FastifyRequest): MultipartBody {
  if (!isMultipartBody(request.body)) {
    if (request.isMultipart()) throw new Error('A route that reads a multipart body must be marked @TakesFiles()');
    throw ProblemException.unsupportedMediaType('This endpoint takes a multipart/form-data body.');
  }
  // Text fields obey the same text rule as JSON bodies (the validation pipe never sees them).
  const textErrors = textFieldErrors(request.body.fields);
  if (textErrors.length > 0) throw ProblemException.validation(textErrors);
  return request.body;
}
