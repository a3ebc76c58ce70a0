/** What a row of an ordered list can be asked: go up, go down, or leave the list. */
export type ReorderAction = 'up' | 'down' | 'remove';

/** Where the row stands, and how its buttons are named. */
export interface ReorderPlace {
  /** The row, in words that fit "Move … up" in the current language ("question 3", "la question 3"). */
  item: string;
  first: boolean;
  last: boolean;
  /** False when the list must keep this row (e.g. its only section). */
  removable: boolean;
  /** Prefix of the buttons' test ids: `<testid>-up`, `<testid>-down`, `<testid>-remove`. */
  testid: string;
}

export interface ReorderButton {
  action: ReorderAction;
  label: string;
  testid: string;
  disabled: boolean;
}

const ACTIONS: readonly ReorderAction[] = ['up', 'down', 'remove'];

/** The three buttons of a row, in order, with their accessible labels (common.reorder.*). */
export function reorderButtons(
  place: ReorderPlace,
  t: (key: string, values: Record<string, unknown>) => string,
): ReorderButton[] {
  const disabled: Record<ReorderAction, boolean> = { up: place.first, down: place.last, remove: !place.removable };
  return ACTIONS.map((action) => ({
    action,
    label: t(`common.reorder.${action}`, { item: place.item }),
    testid: `${place.testid}-${action}`,
    disabled: disabled[action],
  }));
}
