import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { markMultipartBody, type MultipartBody } from './multipart';
import { duplicateField, fieldTooLarge, interrupted, MULTIPART_LIMITS, multipartProblem } from './multipart-problems';

/**
 * Parses multipart/form-data bodies in a preValidation hook, so files are in memory (within
 * MULTIPART_LIMITS) before guards and interceptors run — idempotency hashes them, handlers read
 * them with `multipartBody(request)`.
 *
 * This is @fastify/multipart's `attachFieldsToBody: true` done by hand, for the errors: in the
 * plugin's own hook a limit error reaches Nest, which keeps only its message and status (the code
 * and the offending part are lost), and busboy's parse errors are plain Errors (a 500). Reading
 * the parts here maps every failure to a problem naming the field.
 */
export async function registerMultipart(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { limits: MULTIPART_LIMITS });
  fastify.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = await readParts(request);
  });
}

async function readParts(request: FastifyRequest): Promise<MultipartBody> {
  const body: MultipartBody = { fields: {}, files: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // What a browser sends for a file input left empty.
        if (!part.filename && bytes.length === 0) continue;
        body.files.push({ field: part.fieldname, filename: part.filename, declaredType: part.mimetype, bytes });
        continue;
      }
      if (part.valueTruncated) throw fieldTooLarge(part.fieldname);
      if (Object.hasOwn(body.fields, part.fieldname)) throw duplicateField(part.fieldname);
      // The plugin parses parts sent as application/json; fields stay text for the handler to parse.
      body.fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
    }
  } catch (error) {
    throw multipartProblem(error);
  }
  // The plugin ends the parts quietly when the body stops short (a dropped connection): refuse
  // what was read so far rather than hand the handler half an upload.
  if (!request.raw.complete) throw interrupted();
  return markMultipartBody(body);
}
