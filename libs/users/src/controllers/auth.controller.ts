import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto, Public, RateLimit, type RateLimitPolicy } from '@tessera/core';
import { AuthService } from '../auth/auth.service';
import { LoginAttempts } from '../auth/login-attempts';
import { InvitationService } from '../invitation.service';
import {
  ACTIVATION_LINK_RENEWED_MESSAGE,
  AuthResponseDto,
  ForgotPasswordDto,
  LoginDto,
  MessageDto,
  RefreshDto,
  RenewActivationLinkDto,
  SetPasswordWithTokenDto,
} from '../dto/auth.dto';

/** Routes that take a one-time token (32 random bytes, so no guessing): bounds the hashing work. */
const TOKEN_ROUTE = (name: string): RateLimitPolicy => ({ name, perClient: { limit: 10, windowSeconds: 60 } });

@ApiTags('auth')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid body; see errors[]' })
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationService,
    private readonly loginAttempts: LoginAttempts,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Wrong e-mail or password' })
  @ApiTooManyRequestsResponse({
    type: ProblemDto,
    description:
      '`rate-limited`: too many failed sign-ins from this client (see Retry-After); ' +
      '`captcha-required`: this account had several failed sign-ins, send a solved captcha in `altcha`',
  })
  @ApiServiceUnavailableResponse({ type: ProblemDto, description: 'Attempts cannot be counted; see Retry-After' })
  login(@Body() dto: LoginDto, @Ip() client: string): Promise<AuthResponseDto> {
    return this.loginAttempts.run({ client, email: dto.email, captcha: dto.altcha }, () =>
      this.auth.login(dto.email, dto.password),
    );
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto, description: 'New tokens; the presented refresh token is now used up' })
  @ApiUnauthorizedResponse({
    type: ProblemDto,
    description: 'Unknown, expired or reused token (reuse ends the session)',
  })
  refresh(@Body() dto: RefreshDto): Promise<AuthResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of this refresh token is ended' })
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  @Post('forgot-password')
  @HttpCode(202)
  @RateLimit({
    name: 'forgot-password',
    perClient: { limit: 20, windowSeconds: 15 * 60 },
    perClientAndEmail: { limit: 5, windowSeconds: 15 * 60 },
  })
  @ApiAcceptedResponse({ type: MessageDto, description: 'Always the same answer, whether or not the account exists' })
  forgotPassword(@Body() dto: ForgotPasswordDto): Promise<MessageDto> {
    return this.auth.forgotPassword(dto.email);
  }

  @Post('reset-password')
  @HttpCode(200)
  @RateLimit(TOKEN_ROUTE('reset-password'))
  @ApiOkResponse({ type: MessageDto })
  @ApiGoneResponse({ type: ProblemDto, description: 'The link expired or was already used' })
  resetPassword(@Body() dto: SetPasswordWithTokenDto): Promise<MessageDto> {
    return this.auth.resetPassword(dto.token, dto.password);
  }

  @Post('activate')
  @HttpCode(200)
  @RateLimit(TOKEN_ROUTE('activate'))
  @ApiOkResponse({ type: AuthResponseDto, description: 'Password set; signed in' })
  @ApiGoneResponse({ type: ProblemDto, description: 'The link expired, was replaced or was already used' })
  activate(@Body() dto: SetPasswordWithTokenDto): Promise<AuthResponseDto> {
    return this.auth.activate(dto.token, dto.password);
  }

  @Post('activation-link')
  @HttpCode(202)
  @RateLimit({
    name: 'activation-link',
    perClient: { limit: 3, windowSeconds: 15 * 60 },
  })
  @ApiAcceptedResponse({
    type: MessageDto,
    description: "Always the same answer; a still-invited account's owner is e-mailed a new link",
  })
  async renewActivationLink(@Body() dto: RenewActivationLinkDto): Promise<MessageDto> {
    await this.invitations.renew(dto.token);
    return { message: ACTIVATION_LINK_RENEWED_MESSAGE };
  }
}
