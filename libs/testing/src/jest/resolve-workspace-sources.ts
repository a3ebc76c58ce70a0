import Module from 'node:module';
import { join } from 'node:path';

/**
 * Jest maps `@tessera/*` to sources for test files (moduleNameMapper), but its globalSetup runs
 * under plain Node resolution. This does the same mapping there, so the setup migrates with the
 * sources under test rather than a possibly stale build.
 */
const libs = join(__dirname, '..', '..', '..');
const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const workspacePackage = /^@tessera\/([a-z-]+)$/.exec(request);
  return resolve.call(this, workspacePackage ? join(libs, workspacePackage[1], 'src') : request, ...rest);
};
