import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { markMultipartBody, type MultipartBody } from './multipart';
import { duplicateField, fieldTooLarge, interrupted, MULTIPART_LIMITS, multipartProblem } from './multipart-problems';

/**
 * Lets Fastify accept multipart/form-data without reading it: the body stays unread on the socket
 * until a route that takes files reads it after its guards (`@TakesFiles()`, which calls
 * `readMultipartBody`). A request answered before its body was read (an anonymous upload to a
 * protected route, a 429) closes its connection, so Node does not pull the rest of the upload
 * off the wire to keep the connection alive.
 */
export async function registerMultipart(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { limits: MULTIPART_LIMITS });
  fastify.addHook('onSend', async (request, reply) => {
    if (!request.raw.complete) reply.header('connection', 'close');
  });
}

/** What a route may change of MULTIPART_LIMITS. */
export interface MultipartRouteLimits {
  /** Bytes per file. */
  fileSize?: number;
}

/**
 * Reads every part into memory (within MULTIPART_LIMITS). This is @fastify/multipart's
 * `attachFieldsToBody: true` done by hand, for the errors: in the plugin's own hook a limit error
 * reaches Nest, which keeps only its message and status (the code and the offending part are
 * lost), and busboy's parse errors are plain Errors (a 500). Here every failure is a problem
 * naming the field.
 */
export async function readMultipartBody(
  request: FastifyRequest,
  limits: MultipartRouteLimits = {},
): Promise<MultipartBody> {
  const body: MultipartBody = { fields: {}, files: [] };
  const fileSize = limits.fileSize ?? MULTIPART_LIMITS.fileSize;
  try {
    for await (const part of request.parts({ limits: { fileSize } })) {
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
    throw multipartProblem(error, fileSize);
  }
  // The plugin ends the parts quietly when the body stops short (a dropped connection): refuse
  // what was read so far rather than hand the handler half an upload.
  if (!request.raw.complete) throw interrupted();
  return markMultipartBody(body);
}
