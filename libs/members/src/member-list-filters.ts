import type { Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { getMetadataStorage, IsOptional, Matches } from 'class-validator';

/**
 * A filter a domain above members adds to the members list (GET /members and the reads built on
 * it, such as the CSV export): a query parameter, documented and checked like the DTO's own, and
 * its condition on the member `m`.
 */
export interface MemberListFilterContribution {
  /** The query parameter's name. */
  name: string;
  description: string;
  example: string;
  /** The values it takes; any other is a 400 with `message` on the field. */
  pattern: RegExp;
  message: string;
  /** The SQL condition on `m` for a value; values are bound through `param`. */
  condition(value: string, param: (value: unknown) => string): string;
}

/**
 * The filters other domains add to the members list, so members never names their tables. They
 * are added when the contributing module's file loads, not on module init: the OpenAPI document
 * is made in Nest's preview mode, which builds no provider, and must show them.
 */
class MemberListFilterRegistry {
  private readonly filters = new Map<string, MemberListFilterContribution>();
  private readonly queryTypes: Type[] = [];

  add(filter: MemberListFilterContribution): void {
    if (this.filters.has(filter.name)) throw new Error(`The members list already has a filter ${filter.name}`);
    this.filters.set(filter.name, filter);
    for (const type of this.queryTypes) declare(type, filter);
  }

  /** Class decorator: the query DTO takes every added filter, whenever it is added. */
  queryType(): ClassDecorator {
    return (target) => {
      const type = target as unknown as Type;
      this.queryTypes.push(type);
      for (const filter of this.filters.values()) declare(type, filter);
    };
  }

  /** The added filters' values in a validated query, by name (for MemberListFilter.added). */
  valuesIn(query: object): Record<string, string> {
    const values = query as Record<string, unknown>;
    return Object.fromEntries(
      [...this.filters.keys()].filter((name) => typeof values[name] === 'string').map((name) => [name, values[name]]),
    ) as Record<string, string>;
  }

  /** The conditions for these values; a name no filter has was never let through validation. */
  conditions(values: Record<string, string>, param: (value: unknown) => string): string[] {
    return Object.entries(values).map(([name, value]) => {
      const filter = this.filters.get(name);
      if (!filter) throw new Error(`The members list has no filter ${name}`);
      return filter.condition(value, param);
    });
  }
}

export const MemberListFilters = new MemberListFilterRegistry();

/** Adds the parameter to the DTO, unless it already has it (copied by a mapped type such as OmitType). */
function declare(type: Type, filter: MemberListFilterContribution): void {
  const validated = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  if (validated.some((metadata) => metadata.propertyName === filter.name)) return;
  const { name, description, example, pattern, message } = filter;
  ApiPropertyOptional({ type: String, pattern: pattern.source, example, description })(type.prototype, name);
  IsOptional()(type.prototype, name);
  Matches(pattern, { message })(type.prototype, name);
}
