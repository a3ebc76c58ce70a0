/** Anything that runs SQL with parameters: a pg Pool or Client, or TypeORM's DataSource. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface SeededMembers {
  /** Members `from`…`to` (inclusive) of this seed: member i's portal user is `emailOf(i)`. */
  emailOf(i: number): string;
}

/**
 * Adds `count` members in a few set-based statements (generate_series; 100,000 in seconds), for
 * tests and benchmarks of reads at scale. Member i is an organisation when i is a multiple of 5
 * (its contact a person of its own), else a person; each has its status history and, for the
 * person (or the contact), a signed-up portal account — users with role `member`, password hash
 * `passwordHash`, linked to the person, invited once. `tag` keeps e-mails and numbers of several seeds apart.
 */
export async function seedMembers(
  db: SqlRunner,
  options: {
    count: number;
    planId: string;
    passwordHash: string;
    tag: string;
    /** SQL of member i's status, an expression of `i` (default `'member'`). */
    statusSql?: string;
  },
): Promise<SeededMembers> {
  const { count, planId, passwordHash, tag, statusSql = `'member'` } = options;
  if (!/^[a-z0-9]+$/.test(tag)) throw new Error(`A seed tag is lower-case letters and digits, not ${tag}`);
  const email = `'${tag}-' || i || '@seed.test'`;
  const series = `generate_series(1, $1::int) AS i`;
  await db.query(
    `INSERT INTO persons (first_name, last_name, email, phone, birth_date, address, nationality, locale,
                          created_at, updated_at)
     SELECT 'Seed', 'Person ' || i, ${email}, '+32 470 00 00 00', DATE '1990-01-01' + (i % 9000),
            '{"line1":"Rue de la Loi 16","postalCode":"1000","city":"Brussels","country":"BE"}'::jsonb, 'BE', 'en',
            now() - (i || ' seconds')::interval, now()
       FROM ${series}`,
    [count],
  );
  await db.query(
    `INSERT INTO organisations (legal_name, registration_number, registration_key, created_at, updated_at)
     SELECT 'Seed Organisation ' || i, '${tag} ' || i, upper(regexp_replace('${tag}' || i, '[^A-Za-z0-9]', '', 'g')),
            now(), now()
       FROM ${series} WHERE i % 5 = 0`,
    [count],
  );
  await db.query(
    `INSERT INTO representations (organisation_id, person_id, role, is_contact, created_at, updated_at)
     SELECT o.id, p.id, 'Director', true, now(), now()
       FROM ${series}
       JOIN organisations o ON o.registration_key = upper(regexp_replace('${tag}' || i, '[^A-Za-z0-9]', '', 'g'))
       JOIN persons p ON p.email = ${email}
      WHERE i % 5 = 0`,
    [count],
  );
  await db.query(
    `INSERT INTO members (number, kind, person_id, organisation_id, plan_id, status, joined_at, source_type,
                          source_reference, created_at, updated_at)
     -- Six digits at least (lpad alone would cut M-1000000 to M-100000).
     SELECT 'M-' || regexp_replace(lpad(nextval('member_number_seq')::text, 8, '0'), '^0{1,2}', ''),
            CASE WHEN i % 5 = 0 THEN 'organisation' ELSE 'person' END,
            CASE WHEN i % 5 = 0 THEN NULL ELSE p.id END, r.organisation_id, $2, ${statusSql}, now(), 'staff',
            'SEED-' || i, now() - (i || ' seconds')::interval, now()
       FROM ${series}
       JOIN persons p ON p.email = ${email}
       LEFT JOIN representations r ON r.person_id = p.id AND i % 5 = 0`,
    [count, planId],
  );
  await db.query(
    `INSERT INTO member_status_changes (member_id, from_status, to_status, reason, actor_kind, occurred_at)
     SELECT m.id, NULL, m.status, 'Seeded', 'system', m.created_at
       FROM members m WHERE m.source_reference LIKE 'SEED-%'
        AND NOT EXISTS (SELECT 1 FROM member_status_changes h WHERE h.member_id = m.id)`,
  );
  await db.query(
    `INSERT INTO users (email, name, password_hash, roles, locale, password_changed_at)
     SELECT ${email}, 'Seed Person ' || i, $2, ARRAY['member'], 'en', now() FROM ${series}`,
    [count, passwordHash],
  );
  await db.query(
    `INSERT INTO portal_accounts (user_id, person_id, origin, auto_created, created_at)
     SELECT u.id, p.id, 'staff', false, now()
       FROM ${series} JOIN users u ON u.email = ${email} JOIN persons p ON p.email = u.email`,
    [count],
  );
  // Each has been invited once (the console shows when), so user_tokens is as large as users.
  await db.query(
    `INSERT INTO user_tokens (user_id, purpose, token_hash, created_at, expires_at, consumed_at)
     SELECT u.id, 'activation', md5(u.email), now(), now() + interval '7 days', now()
       FROM ${series} JOIN users u ON u.email = ${email}`,
    [count],
  );
  await db.query(`ANALYZE`);
  return { emailOf: (i) => `${tag}-${i}@seed.test` };
}
