import { ProblemException, createValidationPipe } from '@tessera/core';
import { ListEmailsQueryDto } from '../dto/list-emails-query.dto';
import { emailIdPipe } from './emails.controller';

describe('EmailsController input', () => {
  const validation = createValidationPipe();
  const parseQuery = (value: Record<string, string>) =>
    validation.transform(value, { type: 'query', metatype: ListEmailsQueryDto }) as Promise<ListEmailsQueryDto>;

  it('reads page, pageSize, state and recipient from the query string', async () => {
    const query = await parseQuery({ page: '2', pageSize: '50', state: 'failed', recipient: '  Ann@Example.org ' });
    expect(query).toBeInstanceOf(ListEmailsQueryDto);
    expect(query).toMatchObject({ page: 2, pageSize: 50, state: 'failed', recipient: 'Ann@Example.org', offset: 50 });
    expect(await parseQuery({})).toMatchObject({ page: 1, pageSize: 20, offset: 0 });
  });

  it('answers bad filters with a validation problem naming the field', async () => {
    for (const [query, field] of [
      [{ state: 'lost' }, 'state'],
      [{ pageSize: '500' }, 'pageSize'],
      [{ page: '0' }, 'page'],
      [{ sort: 'x' }, 'sort'],
    ] as const) {
      const error = await parseQuery(query).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({
        status: 400,
        errors: [expect.objectContaining({ field })],
      });
    }
  });

  it('answers a malformed e-mail id with a 404 problem', async () => {
    const id = '0b5e2c1e-5d6f-4c1a-9a57-5b0f3c2d9e11';
    expect(await emailIdPipe.transform(id, { type: 'param', data: 'id' })).toBe(id);
    const error = await emailIdPipe
      .transform('not-an-id', { type: 'param', data: 'id' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).problem).toMatchObject({
      status: 404,
      type: 'urn:tessera:problem:email-not-found',
    });
  });
});
