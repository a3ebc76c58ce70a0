import { IsEmail, IsInt, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { toFieldErrors } from './validation';

class Address {
  @IsInt()
  postcode: number;
}

class Person {
  @IsEmail()
  email: string;
  @ValidateNested({ each: true })
  @Type(() => Address)
  addresses: Address[];
}

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted fields without repeating the name, naming the failed rule', () => {
    const person = plainToInstance(Person, { email: 'x', addresses: [{ postcode: 1 }, { postcode: 'a' }] });
    expect(toFieldErrors(validateSync(person))).toEqual([
      { field: 'email', code: 'isEmail', message: 'must be an email' },
      { field: 'addresses.1.postcode', code: 'isInt', message: 'must be an integer number' },
    ]);
  });
});
