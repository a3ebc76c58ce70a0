import type { OpenAPIObject } from '@nestjs/swagger';
import { withJsonBodyAlternatives } from './json-body-alternative';

describe('withJsonBodyAlternatives', () => {
  it('turns the note into an application/json request body beside the multipart one', () => {
    const form = { schema: { type: 'object' } };
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          summary: 'Things',
          post: {
            'x-json-body': { $ref: '#/components/schemas/ThingDto' },
            requestBody: { content: { 'multipart/form-data': form } },
            responses: {},
          },
          get: { responses: {} },
        },
      },
    } as unknown as OpenAPIObject;

    const post = withJsonBodyAlternatives(document).paths['/things'].post as unknown as Record<string, unknown>;

    expect(post['x-json-body']).toBeUndefined();
    expect(post.requestBody).toEqual({
      content: {
        'multipart/form-data': form,
        'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } },
      },
    });
    expect(document.paths['/things'].get).toEqual({ responses: {} });
  });
});
