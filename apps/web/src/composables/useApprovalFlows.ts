import { computed } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApprovalFlow, ApprovalSubjectType, StaffUser } from '@/api/types';
import { STAFF_ROLES } from '@/stores/auth';
import { useAsync } from './useAsync';

/** The approval flows (admin), of one subject type or all; the default of each type first. Call `run()`. */
export function useApprovalFlows(subjectType?: ApprovalSubjectType) {
  const state = useAsync(async () => {
    const page = await unwrap(api.GET('/api/v1/approval-flows', { params: { query: { subjectType, pageSize: 200 } } }));
    return page.items;
  });
  const flows = computed<ApprovalFlow[]>(() => state.data.value ?? []);
  return { ...state, flows };
}

/** Active staff users, who can be named as approvers (admin: GET /users). Call `run()`. */
export function useStaffUsers() {
  const state = useAsync(async () => {
    const page = await unwrap(api.GET('/api/v1/users', { params: { query: { pageSize: 200 } } }));
    return page.items.filter((user) => user.active && user.roles.some((role) => STAFF_ROLES.includes(role)));
  });
  const users = computed<StaffUser[]>(() => state.data.value ?? []);
  return { ...state, users };
}
