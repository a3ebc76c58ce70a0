import { HttpException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { capFieldErrors } from './field-error-cap';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field: string;
  @ApiProperty({ example: 'must be an e-mail address' })
  message: string;
  @ApiProperty({
    required: false,
    example: 'isEmail',
    description:
      'The rule that failed, stable for clients to word the message themselves: the class-validator constraint (isEmail, maxLength, isNotEmpty…) for body validation.',
  })
  code?: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:tessera:problem:validation' })
  type: string;
  @ApiProperty({ example: 'Validation failed' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ example: 'email: must be an e-mail address' })
  detail: string;
  @ApiProperty({ required: false })
  instance?: string;
  @ApiProperty({ type: FieldErrorDto, isArray: true, required: false })
  errors?: FieldErrorDto[];
}

export const problemType = (slug: string) => `urn:tessera:problem:${slug}`;

/** Thrown by services for any expected failure; the filter renders it as problem+json. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Omit<ProblemDto, 'type'> & { type?: string },
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail, problem.status);
  }

  static validation(allErrors: FieldErrorDto[]): ProblemException {
    const { errors, detail } = capFieldErrors(allErrors);
    return new ProblemException({
      type: problemType('validation'),
      title: 'Validation failed',
      status: 400,
      detail,
      errors,
    });
  }

  static badRequest(detail: string, slug = 'bad-request', errors?: FieldErrorDto[]): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Bad request', status: 400, detail, errors });
  }

  static unauthorized(detail: string, slug = 'unauthorized'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Unauthorized', status: 401, detail });
  }

  static forbidden(detail: string, slug = 'forbidden'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Forbidden', status: 403, detail });
  }

  static notFound(detail: string, slug = 'not-found'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Not found', status: 404, detail });
  }

  static conflict(detail: string, slug = 'conflict'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Conflict', status: 409, detail });
  }

  static gone(detail: string, slug = 'gone'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Gone', status: 410, detail });
  }

  static payloadTooLarge(detail: string, slug = 'payload-too-large', errors?: FieldErrorDto[]): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Payload too large', status: 413, detail, errors });
  }

  static unsupportedMediaType(detail: string, slug = 'unsupported-media-type'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Unsupported media type', status: 415, detail });
  }

  static unprocessable(detail: string, slug = 'unprocessable'): ProblemException {
    return new ProblemException({ type: problemType(slug), title: 'Unprocessable content', status: 422, detail });
  }

  static tooManyRequests(retryAfterSeconds: number): ProblemException {
    return new ProblemException(
      {
        type: problemType('rate-limited'),
        title: 'Too many requests',
        status: 429,
        detail: `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
      },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}
