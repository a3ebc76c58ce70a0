import { apiErrorFrom, ApiError } from './problem';
import { session } from './client';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadRequest {
  /** An OpenAPI path with its `/api/v1` prefix, same origin. */
  url: string;
  method?: 'POST' | 'PUT' | 'PATCH';
  body: FormData;
  headers?: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

interface XhrResult {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

function parseBody(xhr: XMLHttpRequest): unknown {
  if (!xhr.responseText) return null;
  try {
    return JSON.parse(xhr.responseText) as unknown;
  } catch {
    return null;
  }
}

function send(request: UploadRequest, token: string | null): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method ?? 'POST', request.url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () =>
      resolve({ status: xhr.status, body: parseBody(xhr), retryAfter: xhr.getResponseHeader('Retry-After') });
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.ontimeout = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(request.body);
  });
}

/**
 * Sends a multipart body with XMLHttpRequest, the one browser API that reports upload progress.
 * Behaves like `unwrap(api.…)`: the same bearer token and single shared refresh on a 401, the
 * parsed JSON on success, and an `ApiError` (problem+json, Retry-After) on failure.
 */
export async function upload<T>(request: UploadRequest): Promise<T> {
  const token = session.accessToken();
  let result = await send(request, token);
  if (result.status === 401 && (await session.recover(token))) {
    result = await send(request, session.accessToken());
    if (result.status === 401) session.expired();
  }
  if (result.status < 200 || result.status >= 300) throw apiErrorFrom(result.status, result.body, result.retryAfter);
  return result.body as T;
}
