/** Posting the multipart application form over HTTP, as a browser or an integrator does. */

export interface Part {
  field: string;
  value: string | Buffer;
  /** Set for file parts. */
  filename?: string;
  type?: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown> & { type?: string; errors?: { field: string; message: string }[] };
  headers: Headers;
}

// Every anonymous submission comes from its own address (the API trusts X-Forwarded-For from
// loopback), so the per-IP rate limit is met only where a test means to.
let lastIp = 0;
export const nextIp = (): string => {
  lastIp += 1;
  return `198.51.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
};

export async function postApplication(
  baseUrl: string,
  parts: Part[],
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = new FormData();
  for (const part of parts) {
    if (part.filename === undefined && typeof part.value === 'string') form.append(part.field, part.value);
    else
      form.append(
        part.field,
        new Blob([new Uint8Array(Buffer.from(part.value))], { type: part.type ?? 'application/octet-stream' }),
        part.filename ?? 'file',
      );
  }
  const response = await fetch(`${baseUrl}/api/v1/applications`, {
    method: 'POST',
    body: form,
    headers: { 'x-forwarded-for': nextIp(), ...headers },
  });
  return { status: response.status, body: (await response.json()) as Answer['body'], headers: response.headers };
}

export const jsonPart = (value: unknown): Part => ({ field: 'application', value: JSON.stringify(value) });

/**
 * The `application` part of a person applying for `planId` in English: the journeys' shared
 * particulars, with the name and e-mail that tell their applicants apart.
 */
export const personApplication = (
  planId: string,
  person: { firstName: string; lastName: string; email: string },
): Part =>
  jsonPart({
    kind: 'individual',
    planId,
    locale: 'en',
    consent: { terms: true, privacy: true },
    person: {
      ...person,
      phone: '+32 470 12 34 56',
      birthDate: '1990-11-07',
      address: { line1: '12 Rue de la Loi', postalCode: '1000', city: 'Brussels', country: 'BE' },
      nationality: 'FR',
    },
  });
