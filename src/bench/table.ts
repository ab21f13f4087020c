/** The results table printed after a run: size, format, tool, wall, CPU, peak RSS, pages/s, ratio. */
import { succeeded } from './measure.js';
import { ratioText, targetOf, type BenchRow } from './results.js';

/** Column headings of the results table. */
export const TABLE_HEADER: readonly string[] = ['size', 'format', 'tool', 'wall s', 'CPU s', 'peak RSS MB', 'pages/s', 'ratio'];

/** Seconds with two decimals below 10 s, one above. */
export function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  return s < 10 ? s.toFixed(2) : s.toFixed(1);
}

/** Bytes as whole MiB (what GNU time's KiB figure / 1024 gives; peers/run.sh calls it MB). */
export function formatMiB(bytes: number | null): string {
  return bytes === null ? '—' : String(Math.round(bytes / 1048576));
}

/** One result row as table cells. */
export function tableCells(row: BenchRow): string[] {
  const s = row.summary;
  const tool = row.scenario === 'cold' ? row.tool : `${row.tool} ${row.scenario}`;
  const head = [String(row.size), row.format, tool];
  if (!s.ok) {
    // The run that failed, not the last one (it may have succeeded).
    const at = row.samples.findIndex((sample) => !succeeded(sample));
    const failed = row.samples[at];
    const which = row.samples.length > 1 ? `run ${at + 1} of ${row.samples.length}: ` : '';
    const why = row.note ?? (failed ? `${which}${failed.timedOut ? 'timed out' : `exit ${failed.exitCode ?? failed.signal}`}` : 'not run');
    return [...head, `FAILED (${why})`, '', '', '', ''];
  }
  const ratio = row.ratio ? `${ratioText(row.ratio.value, targetOf(row))} ${row.ratio.label}` : '';
  // Pages per second only means something for builds that write the whole site.
  const pages = row.scenario === 'cold' || row.scenario === 'cache-prime' ? String(Math.round(s.pagesPerSecond)) : '';
  return [...head, formatSeconds(s.wallSeconds), formatSeconds(s.cpuSeconds), formatMiB(s.peakRssBytes), pages, ratio];
}

/** Lays out cells in aligned columns: text left, numbers right, a rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.—]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The whole results table for printing. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  return formatTable(TABLE_HEADER, rows.map(tableCells));
}
