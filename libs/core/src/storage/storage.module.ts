import { Global, Module } from '@nestjs/common';
import { FileStorage } from './file-storage';

/** FileStorage for every module that keeps uploaded files. */
@Global()
@Module({ providers: [FileStorage], exports: [FileStorage] })
export class StorageModule {}
