import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person representing an organisation; exactly one representative per organisation is its contact. */
@Entity('representations')
export class Representation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  role: string;

  /** E-mails about the organisation's membership go to the contact. */
  @Column({ name: 'is_contact', type: 'boolean' })
  isContact: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
