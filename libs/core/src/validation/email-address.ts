import { isEmail, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { textProblem } from './text-rule';

// One definition of an e-mail address, shared by every DTO field and by the mail service, so
// nothing is accepted that cannot be sent: no quoted or non-ASCII local parts (nodemailer and
// most SMTP servers without SMTPUTF8 refuse them), no IP-literal or dot-less domains.

export const MAX_EMAIL_LENGTH = 254;
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** True when `value` is an address Tessera accepts and can send e-mail to. */
export function isEmailAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_EMAIL_LENGTH || textProblem(value) !== null) return false;
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  if (at < 1 || local.length > 64 || !DOT_ATOM.test(local)) return false;
  return isEmail(value, {
    allow_display_name: false,
    allow_utf8_local_part: false,
    require_tld: true,
    allow_ip_domain: false,
  });
}

/** The e-mail field rule (combine with Trim or LowerCase). */
export const EmailAddress = (options?: ValidationOptions) =>
  applyDecorators(
    ValidateBy(
      {
        name: 'isEmailAddress',
        validator: { validate: isEmailAddress, defaultMessage: () => 'must be an e-mail address' },
      },
      options,
    ),
    MaxLength(MAX_EMAIL_LENGTH),
  );
