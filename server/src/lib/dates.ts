const warsawDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today in Poland as YYYY-MM-DD: deadlines, shares and reminders are calendar days of the
 * institutions, whatever the server's time zone.
 */
export const warsawToday = (now = new Date()): string => warsawDate.format(now);
