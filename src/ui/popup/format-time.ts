/**
 * A timestamp as "2026-12-06 08:45", read the same way in Chinese and English. Not
 * toLocaleString: its first call in a page loads the locale data, which took 170 ms in the
 * popup on a busy machine, longer than the popup may take to show its content.
 */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** 1234567 as "1,234,567" (both languages group digits by three with commas), without Intl. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
