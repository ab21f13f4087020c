/** Benchmark result rows and the ratios between them (broadsheet vs peers, raw text vs Hugo, rebuilds vs cold). */
import type { CorpusFormat } from './corpus.js';
import type { RunSample, RunSummary } from './measure.js';
import { median } from './stats.js';

/** Which kind of build a row measured. */
export type Scenario = 'cold' | 'cache-prime' | 'no-op' | 'edit-1';

/** A ratio of two median wall times and what it compares. */
export interface Ratio {
  readonly value: number;
  /** `bs/hugo`, `bs/eleventy` (broadsheet md ÷ peer), `txt/hugo-md`, `of cold` (rebuild ÷ cold). */
  readonly label: string;
}

/** One line of the results: a tool building one corpus in one scenario. */
export interface BenchRow {
  readonly size: number;
  readonly format: CorpusFormat;
  readonly tool: string;
  readonly scenario: Scenario;
  /** The exact command, shell-style. */
  readonly command: string;
  readonly samples: readonly RunSample[];
  readonly summary: RunSummary;
  /** Why the row has no samples, e.g. a peer that could not be prepared. */
  readonly note?: string;
  ratio?: Ratio;
}

function find(rows: readonly BenchRow[], size: number, format: CorpusFormat, tool: string, scenario: Scenario): BenchRow | undefined {
  return rows.find((r) => r.size === size && r.format === format && r.tool === tool && r.scenario === scenario && r.summary.ok);
}

/** Fills in `ratio` on peer rows, raw-text broadsheet rows and rebuild rows, where both sides succeeded. */
export function addRatios(rows: readonly BenchRow[]): void {
  for (const row of rows) {
    if (!row.summary.ok) continue;
    const coldBs = find(rows, row.size, row.format, 'broadsheet', 'cold');
    if (row.tool !== 'broadsheet' && row.scenario === 'cold' && coldBs) {
      row.ratio = { value: coldBs.summary.wallSeconds / row.summary.wallSeconds, label: `bs/${row.tool}` };
    } else if (row.tool === 'broadsheet' && row.scenario === 'cold' && row.format === 'txt') {
      const hugoMd = find(rows, row.size, 'md', 'hugo', 'cold');
      if (hugoMd) row.ratio = { value: row.summary.wallSeconds / hugoMd.summary.wallSeconds, label: 'txt/hugo-md' };
    } else if (row.tool === 'broadsheet' && (row.scenario === 'no-op' || row.scenario === 'edit-1') && coldBs) {
      row.ratio = { value: row.summary.wallSeconds / coldBs.summary.wallSeconds, label: 'of cold' };
    }
  }
}

/** The issue-4 targets each cold ratio label is checked against, at TARGET_SIZE articles. */
const RATIO_TARGETS: Readonly<Record<string, number>> = { 'bs/hugo': 1.5, 'bs/eleventy': 0.15, 'txt/hugo-md': 0.6 };

/** The corpus size issue 4 sets the cold ratios' targets for (10k articles). */
const TARGET_SIZE = 10_000;

/** Most a no-op rebuild may take, as a share of the cold build (issue 4). */
const NO_OP_TARGET = 0.05;

/** The target a row's ratio is checked against: the cold ratios' at 10k only, the no-op's at any size. */
export function targetOf(row: BenchRow): number | undefined {
  if (!row.ratio) return undefined;
  if (row.scenario === 'no-op') return NO_OP_TARGET;
  return row.scenario === 'cold' && row.size === TARGET_SIZE ? RATIO_TARGETS[row.ratio.label] : undefined;
}

/** Most work an edit-1 rebuild may do beyond start-up, in seconds (issue 4). */
export const EDIT_BEYOND_START_UP_TARGET = 0.3;

/**
 * What an edit-1 rebuild took beyond the no-op of the same corpus: the no-op is start-up itself
 * (Node, the CLI, config, the seed scan, the fingerprint), so this is the edit's own work. With as
 * many no-ops as edits (run in pairs), the median of each edit's excess over its own no-op.
 */
function beyondNoOp(rows: readonly BenchRow[], edit: BenchRow): string {
  const noOp = find(rows, edit.size, edit.format, 'broadsheet', 'no-op');
  if (!noOp) return '';
  const paired = noOp.samples.length === edit.samples.length;
  const seconds = paired ? median(edit.samples.map((s, i) => s.wallSeconds - noOp.samples[i]!.wallSeconds)) : edit.summary.wallSeconds - noOp.summary.wallSeconds;
  return `, ${seconds.toFixed(2)} s beyond the no-op (target ≤ ${EDIT_BEYOND_START_UP_TARGET} beyond start-up)`;
}

/** "1 file", "120 files". */
export function filesCount(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

/**
 * A ratio as printed: two decimals, more where two would round it onto its target (8.13 s against
 * 53.9 s is 0.151, which "0.15" against "≤ 0.15" would show as met).
 */
export function ratioText(value: number, target?: number): string {
  let decimals = 2;
  while (target !== undefined && value !== target && decimals < 6 && Number(value.toFixed(decimals)) === target) decimals++;
  return value.toFixed(decimals);
}

/** One line per ratio with its target and whether it is met: `10000 md  broadsheet/hugo = 1.12 (target ≤ 1.5: met)`. */
export function ratioLines(rows: readonly BenchRow[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    if (!row.ratio) continue;
    const target = targetOf(row);
    const what = row.ratio.label === 'of cold' ? `${row.scenario} rebuild / cold` : row.ratio.label.replace('bs/', 'broadsheet/');
    const written = row.scenario === 'edit-1' || row.scenario === 'no-op' ? `, ${filesCount(row.summary.filesWritten)} rewritten` : '';
    const beyond = row.scenario === 'edit-1' ? beyondNoOp(rows, row) : '';
    const verdict = target === undefined ? '' : ` (target ≤ ${target}: ${row.ratio.value <= target ? 'met' : 'not met'})`;
    lines.push(`${row.size} ${row.format}  ${what} = ${ratioText(row.ratio.value, target)}${verdict}${written}${beyond}`);
  }
  return lines;
}
