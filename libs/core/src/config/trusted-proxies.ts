import { compile } from '@fastify/proxy-addr';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** TRUSTED_PROXIES as Fastify's `trustProxy` takes it: addresses, CIDRs or proxy-addr's range names. */
export function trustedProxyList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Accepts exactly what Fastify will accept (it compiles the list with the same proxy-addr). */
export function IsTrustedProxyList(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isTrustedProxyList',
      target: target.constructor,
      propertyName: property as string,
      options: {
        message: 'must be a comma-separated list of IP addresses, CIDRs, loopback, linklocal or uniquelocal',
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || trustedProxyList(value).length === 0) return false;
          try {
            compile(trustedProxyList(value));
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
