import type { PostalAddress } from '@tessera/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who the organisation is, as members and applicants see it: in every e-mail's footer and on the
 * public pages. One row (id 1), made by the migration, so reading it never finds nothing.
 */
@Entity('organisation_settings')
export class OrganisationSettings {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'contact_email', type: 'text' })
  contactEmail: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address: PostalAddress | null;

  @Column({ name: 'website_url', type: 'text', nullable: true })
  websiteUrl: string | null;

  @Column({ name: 'terms_url', type: 'text', nullable: true })
  termsUrl: string | null;

  @Column({ name: 'privacy_url', type: 'text', nullable: true })
  privacyUrl: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;
}
