/** `APP-<year>-<number>`: the number comes from a Postgres sequence, padded to six digits. */
export const APPLICATION_REFERENCE = /^APP-\d{4}-\d{6,}$/;

/**
 * The next reference as an SQL expression, for the INSERT of the application itself: the number
 * is drawn from the sequence in that statement rather than in a round trip of its own (the submit
 * path is hot, see bench/). `yearParam` is the placeholder of the year, e.g. `$3`. Numbers past
 * 999999 grow to seven digits rather than wrapping.
 */
export function nextApplicationReferenceSql(yearParam: string): string {
  return `(SELECT 'APP-' || ${yearParam}::int || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
           FROM nextval('application_reference_seq') AS n)`;
}
