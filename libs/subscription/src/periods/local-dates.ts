// Local-date arithmetic lives in @tessera/core (billing counts days with it too); the period
// code and its tests keep importing it from here.
export {
  addDays,
  compareLocalDates,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  isLeapYear,
  isLocalDate,
  parseLocalDate,
  type LocalDate,
  type LocalDateParts,
} from '@tessera/core';
