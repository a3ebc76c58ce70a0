import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberLocale, PostalAddress, ProfessionalDetails } from '../members.types';

/** A natural person: a member in their own right, a representative of organisations, or both. */
@Entity('persons')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  /** Trimmed and lower-cased; unique when set (persons are matched by it). */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** YYYY-MM-DD. */
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address: PostalAddress | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'text', nullable: true })
  nationality: string | null;

  @Column({ type: 'text' })
  locale: MemberLocale;

  @Column({ type: 'jsonb', nullable: true })
  professional: ProfessionalDetails | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
