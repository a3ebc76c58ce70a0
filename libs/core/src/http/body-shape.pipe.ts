import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from '../errors/problem';

/** Constructors that say nothing about the body's shape (`@Body() body: Record<string, unknown>`). */
const UNTYPED = new Set<unknown>([undefined, Object, String, Number, Boolean]);

/**
 * Refuses a body whose top level is not what the handler declares — an object for a DTO, an array
 * for a list — before validation walks it: class-transformer turns an array sent for a DTO into
 * an array of DTOs, and validation then reported every element (100,000 errors for a 200 KB
 * request to /auth/login). A missing body is left to validation, which names the fields it needs.
 */
@Injectable()
export class BodyShapePipe implements PipeTransform {
  transform(value: unknown, { type, metatype }: ArgumentMetadata): unknown {
    if (type !== 'body' || value === undefined || UNTYPED.has(metatype)) return value;
    const isArray = Array.isArray(value);
    if (metatype === Array) {
      if (!isArray) throw ProblemException.badRequest('The body must be a JSON array.', 'body-not-array');
    } else if (isArray || value === null || typeof value !== 'object') {
      throw ProblemException.badRequest('The body must be a JSON object.', 'body-not-object');
    }
    return value;
  }
}
