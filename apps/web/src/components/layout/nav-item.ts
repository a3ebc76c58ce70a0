import type { Component } from 'vue';
import type { Role } from '@/api/types';

/** An entry of the office navigation. */
export interface NavItem {
  name: string;
  /** Message key of the label. */
  label: string;
  icon: Component;
  testid: string;
  roles?: readonly Role[];
  /** A count shown next to the label (e.g. decisions awaiting the user). */
  badge?: () => number;
}
