import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, SignedIn, userIdOf } from '@tessera/core';
import { AuthService } from '../auth/auth.service';
import { clearRefreshCookie, type CookieReply } from '../auth/refresh-cookie';

/** Session actions of a signed-in person (AuthController's routes are public). */
@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(private readonly auth: AuthService) {}

  @Post('logout-everywhere')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Sign out everywhere',
    description:
      'Ends every session of the signed-in person, on every device, this one included: their access and ' +
      'refresh tokens stop working at once.',
  })
  @ApiNoContentResponse({ description: 'Every session is ended' })
  async logoutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: CookieReply,
  ): Promise<void> {
    await this.auth.logoutEverywhere(userIdOf(principal));
    clearRefreshCookie(reply);
  }
}
