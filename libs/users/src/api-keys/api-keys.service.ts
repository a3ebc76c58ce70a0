import { Injectable } from '@nestjs/common';
import { Clock, Principal, ProblemException } from '@tessera/core';
import { ApiKeyRepository } from '../api-key.repository';
import { hashSecretToken, newSecretToken } from '../auth/secret-token';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';

const KEY_PREFIX = 'tsk_';
/** Don't write last_used_at on every request: once a minute is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateApiKeyDto, createdBy: string): Promise<CreatedApiKeyDto> {
    const key = KEY_PREFIX + newSecretToken().token;
    const saved = await this.keys.create({
      name: dto.name,
      scopes: dto.scopes,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      keyHash: hashSecretToken(key),
      createdBy,
      createdAt: this.clock.now(),
    });
    return { ...ApiKeyDto.from(saved), key };
  }

  async list(): Promise<ApiKeyListDto> {
    return { items: (await this.keys.list()).map(ApiKeyDto.from) };
  }

  async revoke(id: string): Promise<void> {
    const key = await this.keys.findById(id);
    if (!key) throw ProblemException.notFound('No API key with this id.');
    await this.keys.revoke(id, this.clock.now());
  }

  async authenticate(key: string): Promise<Principal | null> {
    if (!key.startsWith(KEY_PREFIX)) return null;
    const found = await this.keys.findLiveByHash(hashSecretToken(key));
    if (!found) return null;
    const now = this.clock.now();
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)
      await this.keys.touchLastUsed(found.id, now);
    return { kind: 'api-key', apiKeyId: found.id, scopes: found.scopes };
  }
}
