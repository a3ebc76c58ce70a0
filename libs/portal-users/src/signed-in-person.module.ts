import { Global, Module } from '@nestjs/common';
import { SignedInPerson } from '@tessera/members';
import { ACCOUNT_PERSON } from './portal-account.repository';

/**
 * Lends every domain the SQL of "the person this signed-in user is" (their portal account's
 * person), so billing and subscription can show members their own records without knowing
 * portal accounts. Imported once by each app.
 */
@Global()
@Module({
  providers: [{ provide: SignedInPerson, useValue: { personOf: ACCOUNT_PERSON } satisfies SignedInPerson }],
  exports: [SignedInPerson],
})
export class SignedInPersonModule {}
