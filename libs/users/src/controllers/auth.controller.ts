import { Body, Controller, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  Clock,
  CurrentPrincipal,
  type Principal,
  ProblemDto,
  ProblemException,
  Public,
  RateLimit,
  type RateLimitPolicy,
} from '@tessera/core';
import { AuthService } from '../auth/auth.service';
import { LoginAttempts } from '../auth/login-attempts';
import {
  clearRefreshCookie,
  type CookieReply,
  type CookieRequest,
  readRefreshCookie,
  setRefreshCookie,
} from '../auth/refresh-cookie';
import { InvitationService } from '../invitation.service';
import {
  ActivateDto,
  ACTIVATION_LINK_RENEWED_MESSAGE,
  AuthResponseDto,
  type IssuedSession,
  ForgotPasswordDto,
  LoginDto,
  MessageDto,
  RefreshDto,
  type RefreshTokenTransport,
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
    private readonly clock: Clock,
  ) {}

  @Post('login')
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Anyone. Returns a 15-minute access token (send it as `Authorization: Bearer \u2026`) and a refresh token: in the body by default, or as the HttpOnly `tessera_refresh` cookie with `refreshTokenTransport: "cookie"` (what the web app uses). Failed attempts are counted per client and per account; after several failures on one account a solved captcha is required (`altcha`), so nobody can lock its owner out.',
  })
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
  login(
    @Body() dto: LoginDto,
    @Ip() client: string,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<AuthResponseDto> {
    const signIn = this.loginAttempts.run({ client, email: dto.email, captcha: dto.altcha }, () =>
      this.auth.login(dto.email, dto.password),
    );
    return this.deliver(signIn, reply, dto.refreshTokenTransport);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Takes `refreshToken` from the body, or else the `tessera_refresh` cookie set at sign-in with ' +
      '`refreshTokenTransport: "cookie"`; the new refresh token goes back the same way. Each refresh token ' +
      'works once; a session ends when one is reused, when it goes unrefreshed for longer than its idle ' +
      'timeout (shorter for staff than for members) and 30 days after sign-in.',
  })
  @ApiOkResponse({ type: AuthResponseDto, description: 'New tokens; the presented refresh token is now used up' })
  @ApiUnauthorizedResponse({
    type: ProblemDto,
    description: 'No, unknown, expired, idle or reused token (reuse ends the session); the cookie is cleared',
  })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<AuthResponseDto> {
    if (dto?.refreshToken) return this.deliver(this.auth.refresh(dto.refreshToken), reply, 'body');
    const cookie = readRefreshCookie(request);
    if (!cookie)
      throw ProblemException.unauthorized('There is no session to restore. Sign in.', 'invalid-refresh-token');
    try {
      return await this.deliver(this.auth.refresh(cookie), reply, 'cookie');
    } catch (error) {
      clearRefreshCookie(reply);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session of the `refreshToken` in the body or, without one, the session of the bearer access ' +
      'token (a browser holds no refresh token it could send); clears the refresh cookie.',
  })
  @ApiNoContentResponse({ description: 'The session is ended' })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Neither a refresh token nor a valid access token' })
  async logout(
    @Body() dto: RefreshDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<void> {
    if (dto?.refreshToken) await this.auth.logout(dto.refreshToken);
    else if (principal?.kind === 'user') await this.auth.endSession(principal.sessionId);
    else throw ProblemException.unauthorized('Sign in to continue.');
    clearRefreshCookie(reply);
  }

  @Post('forgot-password')
  @ApiOperation({
    summary: 'Ask for a password-reset link',
    description:
      "Anyone. E-mails a single-use link that expires in an hour to the account's owner, if there is an active account for this e-mail. The answer is the same either way, so it does not reveal who has an account.",
  })
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
  @ApiOperation({
    summary: 'Choose a new password with a reset link',
    description:
      'Anyone holding the token of a reset link (the part after `#token=`). Sets the password, ends every session of the account and uses the token up.',
  })
  @HttpCode(200)
  @RateLimit(TOKEN_ROUTE('reset-password'))
  @ApiOkResponse({ type: MessageDto })
  @ApiGoneResponse({ type: ProblemDto, description: 'The link expired or was already used' })
  resetPassword(@Body() dto: SetPasswordWithTokenDto): Promise<MessageDto> {
    return this.auth.resetPassword(dto.token, dto.password);
  }

  @Post('activate')
  @ApiOperation({
    summary: 'Activate an invited account',
    description:
      'Anyone holding the token of an invitation link. Sets the first password and signs in, as /auth/login does (the refresh token in the body, or as a cookie on request).',
  })
  @HttpCode(200)
  @RateLimit(TOKEN_ROUTE('activate'))
  @ApiOkResponse({ type: AuthResponseDto, description: 'Password set; signed in' })
  @ApiGoneResponse({ type: ProblemDto, description: 'The link expired, was replaced or was already used' })
  activate(@Body() dto: ActivateDto, @Res({ passthrough: true }) reply: CookieReply): Promise<AuthResponseDto> {
    return this.deliver(this.auth.activate(dto.token, dto.password), reply, dto.refreshTokenTransport);
  }

  @Post('activation-link')
  @ApiOperation({
    summary: 'Ask for a new invitation link',
    description:
      'Anyone holding the token of an expired or replaced invitation link: if the account is still waiting for its first password, its owner is e-mailed a new link. The answer is always the same.',
  })
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

  /** Hands out a new session's refresh token the way the client asked: in the answer or as the cookie. */
  private async deliver(
    issuing: Promise<IssuedSession>,
    reply: CookieReply,
    transport: RefreshTokenTransport = 'body',
  ): Promise<AuthResponseDto> {
    const { refreshToken, sessionExpiresAt, ...response } = await issuing;
    if (transport === 'body') return { ...response, refreshToken };
    setRefreshCookie(reply, refreshToken, sessionExpiresAt, this.clock.now());
    return response;
  }
}
