/**
 * Date formats tried when the mapping gives none (strptime syntax). Order matters only to name
 * the chosen one when several read every value identically (e.g. 01/01/2020 as D/M or M/D).
 */
const ISO = [
  '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d',
  '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%dT%H:%M:%S.%f',
  '%Y%m%d', '%Y/%m/%d', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S',
];

/**
 * ISO times with a UTC offset: %z reads +HHMM, +HH:MM and +HH (a trailing Z is rewritten as
 * +00:00 first), written straight after the time or after a space as Shopify does
 * (`2024-03-10 01:59:00 -0500`); with or without seconds and the T separator.
 */
const ZONED = ['%Y-%m-%dT', '%Y-%m-%d '].flatMap((date) =>
  ['%H:%M:%S', '%H:%M', '%H:%M:%S.%f'].flatMap((time) => ['%z', ' %z'].map((zone) => date + time + zone)),
);

const DAY_FIRST_OR_MONTH_FIRST = [
  '%d/%m/%Y', '%m/%d/%Y', '%d/%m/%y', '%m/%d/%y',
  '%d.%m.%Y', '%d.%m.%y', '%d-%m-%Y', '%m-%d-%Y', '%d-%m-%y', '%m-%d-%y',
];

const MONTH_NAMES = ['%d-%b-%y', '%d-%b-%Y', '%d %b %Y', '%d %b %y', '%b %d, %Y', '%d %B %Y', '%B %d, %Y', '%d-%B-%Y'];

const TIMES = ['', ' %H:%M', ' %H:%M:%S'];

/** Every candidate format. */
export const DATE_FORMATS: readonly string[] = [
  ...ISO,
  ...ZONED,
  ...[...DAY_FIRST_OR_MONTH_FIRST, ...MONTH_NAMES].flatMap((d) => TIMES.map((t) => d + t)),
];
