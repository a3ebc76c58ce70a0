import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Far beyond any list here; keeps `(page - 1) * pageSize` an exact integer SQL takes as OFFSET. */
export const MAX_PAGE = 1_000_000;

/**
 * Decimal digits only become a number: `1e308`, `0x10`, `1.5` or twenty digits stay strings, which
 * IsInt then refuses (Number() turned `1e308` into an "integer" that reached SQL as OFFSET Infinity).
 */
const StrictInteger = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value,
  );

/** `?page=&pageSize=` shared by every list endpoint. */
export class PageQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number, from 1' })
  @IsOptional()
  @StrictInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, description: 'Items per page' })
  @IsOptional()
  @StrictInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

type Class<T = unknown> = new (...args: never[]) => T;

/** Builds the OpenAPI shape `{items: Item[], total, page, pageSize}` for a list endpoint. */
export function PageResponseDto<T>(item: Class<T>): Class<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: item, isArray: true })
    items: T[];
    @ApiProperty()
    total: number;
    @ApiProperty()
    page: number;
    @ApiProperty()
    pageSize: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageOfItems;
}
