import { ArgumentsHost, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemException } from './problem';
import { ProblemFilter } from './problem.filter';

function render(exception: unknown) {
  const sent: { status?: number; headers?: Record<string, string>; type?: string; body?: Record<string, unknown> } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    headers(headers: Record<string, string>) {
      sent.headers = headers;
      return reply;
    },
    type(type: string) {
      sent.type = type;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ url: '/api/v1/x', id: 'req-1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return sent;
}

describe('ProblemFilter', () => {
  it('renders a ProblemException as it is, with its headers', () => {
    const sent = render(ProblemException.tooManyRequests(30));
    expect(sent.status).toBe(429);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.headers).toEqual({ 'Retry-After': '30' });
    expect(sent.body).toMatchObject({ type: 'urn:tessera:problem:rate-limited', status: 429, instance: '/api/v1/x' });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(render(new NotFoundException('Cannot GET /x')).body).toMatchObject({
      status: 404,
      title: 'Not found',
      detail: 'Cannot GET /x',
    });
    expect(render(new PayloadTooLargeException()).body).toMatchObject({ status: 413, title: 'Payload too large' });
  });

  it('maps errors carrying a 4xx statusCode (Fastify body parsing)', () => {
    const error = Object.assign(new Error('Unsupported Media Type: text/csv'), { statusCode: 415 });
    expect(render(error).body).toMatchObject({ status: 415, title: 'Unsupported media type' });
  });

  it('turns a unique violation that escaped a service into 409', () => {
    const error = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate'), { code: '23505' }));
    expect(render(error).body).toMatchObject({ status: 409 });
  });

  it('hides the details of anything unexpected behind a 500', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sent = render(new Error('secret internals'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret internals');
    expect(logged).toHaveBeenCalled();
  });
});
