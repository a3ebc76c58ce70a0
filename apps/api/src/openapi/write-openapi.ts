import { writeFileSync } from 'node:fs';
import { createApiApp } from '../bootstrap';
import { buildOpenApiDocument } from './openapi';

/** Writes the OpenAPI document without connecting to anything (Nest preview mode). */
async function write(target: string): Promise<void> {
  const app = await createApiApp({ preview: true, logger: ['error'], abortOnError: false });
  const document = buildOpenApiDocument(app);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

write(process.argv[2] ?? 'openapi.json').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
