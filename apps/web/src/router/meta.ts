import type { Role } from '@/api/types';

declare module 'vue-router' {
  interface RouteMeta {
    /** The message key of the page's title, shown in the tab as "<title> · Tessera" and in the office header. */
    title?: string;
    /** Which shell the route belongs to. */
    area?: 'public' | 'office' | 'portal';
    /** Needs a signed-in user. */
    requiresAuth?: boolean;
    /** Only for signed-out visitors (signed-in users go to their home). */
    guestOnly?: boolean;
    /** The user needs at least one of these roles (a child's list replaces its parent's). */
    roles?: readonly Role[];
  }
}

export {};
