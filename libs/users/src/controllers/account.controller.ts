import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, ProblemDto, Public, RateLimit, SignedIn, type Principal } from '@tessera/core';
import { AccountService } from '../account/account.service';
import {
  ChangeEmailDto,
  ChangePasswordDto,
  ConfirmEmailChangeDto,
  EmailChangedDto,
  EmailChangeRequestedDto,
} from '../dto/account.dto';
import { MessageDto } from '../dto/auth.dto';

/** Each checks the current password with argon2: bounded per client, like sign-in's guessing. */
const ACCOUNT_CHANGE = (name: string) => ({ name, perClient: { limit: 10, windowSeconds: 15 * 60 } });

@ApiTags('auth')
@ApiBadRequestResponse({
  type: ProblemDto,
  description: 'Invalid body, or the current password is wrong; see errors[]',
})
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Post('me/password')
  @SignedIn()
  @HttpCode(200)
  @RateLimit(ACCOUNT_CHANGE('change-password'))
  @ApiOperation({
    summary: 'Change their own password',
    description:
      'Any signed-in person, giving their current password. Every other session of the account ends at once; ' +
      'this one stays signed in. Open reset links are used up.',
  })
  @ApiOkResponse({ type: MessageDto })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto): Promise<MessageDto> {
    return this.account.changePassword(principal, dto.currentPassword, dto.newPassword);
  }

  @Post('me/email')
  @SignedIn()
  @HttpCode(202)
  @RateLimit(ACCOUNT_CHANGE('change-email'))
  @ApiOperation({
    summary: 'Ask to sign in with another e-mail address',
    description:
      'Any signed-in person, giving their current password. A single-use link valid for 24 hours goes to the new ' +
      'address and the current address is told; the sign-in e-mail changes only when the link is opened ' +
      '(POST /auth/confirm-email). A newer request replaces an open one.',
  })
  @ApiAcceptedResponse({ type: EmailChangeRequestedDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`email-taken`: another account signs in with it' })
  requestEmailChange(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangeEmailDto,
  ): Promise<EmailChangeRequestedDto> {
    return this.account.requestEmailChange(principal, dto.currentPassword, dto.newEmail);
  }

  @Post('auth/confirm-email')
  @Public()
  @HttpCode(200)
  @RateLimit({ name: 'confirm-email', perClient: { limit: 10, windowSeconds: 60 } })
  @ApiOperation({
    summary: 'Confirm a new sign-in e-mail',
    description:
      'Anyone holding the token of a confirmation link (the part after `#token=`): the account signs in with the ' +
      'new address from now on. The link works once.',
  })
  @ApiOkResponse({ type: EmailChangedDto })
  @ApiGoneResponse({ type: ProblemDto, description: 'The link expired, was replaced or was already used' })
  @ApiConflictResponse({ type: ProblemDto, description: '`email-taken`: another account took the address meanwhile' })
  confirmEmailChange(@Body() dto: ConfirmEmailChangeDto): Promise<EmailChangedDto> {
    return this.account.confirmEmailChange(dto.token);
  }
}
