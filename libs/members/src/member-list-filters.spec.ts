import { OmitType } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, validate } from 'class-validator';
import { MemberListFilters } from './member-list-filters';

// Query DTOs marked before and after the filter is added: both must take it, once.
@MemberListFilters.queryType()
class EarlyQuery {
  @IsOptional()
  @IsString()
  q?: string;
}

MemberListFilters.add({
  name: 'colour',
  description: 'Only members of this colour',
  example: 'red',
  pattern: /^(red|blue)$/,
  message: 'must be red or blue',
  condition: (value, param) => `m.colour = ${param(value)}`,
});

@MemberListFilters.queryType()
class LateQuery extends OmitType(EarlyQuery, [] as const) {}

const check = (type: new () => object, query: object) =>
  validate(plainToInstance(type, query), { whitelist: true, forbidNonWhitelisted: true });

describe('MemberListFilters', () => {
  it.each([
    { marked: 'before the filter was added', type: EarlyQuery },
    { marked: 'after, copying one that has it (OmitType)', type: LateQuery },
  ])('gives a query DTO marked $marked the parameter, checked by its pattern', async ({ type }) => {
    expect(await check(type, { colour: 'red', q: 'x' })).toEqual([]);
    const refused = await check(type, { colour: 'green' });
    expect(refused.map((error) => [error.property, Object.values(error.constraints ?? {})])).toEqual([
      ['colour', ['must be red or blue']],
    ]);
    expect((await check(type, { shade: 'dark' })).map((error) => error.property)).toEqual(['shade']);
  });

  it('reads the added values from a query and turns them into their conditions', () => {
    const added = MemberListFilters.valuesIn(plainToInstance(LateQuery, { colour: 'blue', q: 'x' }));
    expect(added).toEqual({ colour: 'blue' });
    const bound: unknown[] = [];
    expect(MemberListFilters.conditions(added, (value) => `$${bound.push(value)}`)).toEqual(['m.colour = $1']);
    expect(bound).toEqual(['blue']);
  });

  it('refuses a second filter of the same name', () => {
    expect(() =>
      MemberListFilters.add({
        name: 'colour',
        description: '',
        example: '',
        pattern: /x/,
        message: '',
        condition: () => '',
      }),
    ).toThrow('already has a filter colour');
  });
});
