import { createPlugin } from "@fullcalendar/core";
import { NamedTimeZoneImpl } from "@fullcalendar/core/internal";
import { TZDate } from "@date-fns/tz";

/**
 * FullCalendar's named time zones, computed by @date-fns/tz (already the app's zone library). Without a
 * plugin like this FullCalendar cannot compute offsets for a named zone: it shows instants as UTC and
 * hands back UTC-coerced dates. With it, the grid, the now line and every callback's `Date` are true
 * instants in the practitioner's zone (the same job as the luxon and moment plugins, without luxon).
 */
export class DateFnsNamedTimeZone extends NamedTimeZoneImpl {
  /** Minutes east of UTC at a wall-clock time [year, month0, day, hour, minute, second, ms] in the zone. */
  offsetForArray(array: number[]): number {
    const [year = 1970, month = 0, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = array;
    return -new TZDate(year, month, day, hour, minute, second, ms, this.timeZoneName).getTimezoneOffset();
  }

  /** The wall-clock time an instant reads in the zone. */
  timestampToArray(ms: number): number[] {
    const zoned = new TZDate(ms, this.timeZoneName);
    return [
      zoned.getFullYear(),
      zoned.getMonth(),
      zoned.getDate(),
      zoned.getHours(),
      zoned.getMinutes(),
      zoned.getSeconds(),
      zoned.getMilliseconds(),
    ];
  }
}

export const namedZonePlugin = createPlugin({ name: "omnicrm-date-fns-tz", namedTimeZonedImpl: DateFnsNamedTimeZone });
