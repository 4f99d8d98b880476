/** The bench's output: one row per figure, its budget and PASS/OVER, printed as a plain-text table. */

export interface Row {
  section: string;
  name: string;
  /** undefined when the figure could not be measured (see `note`). */
  value: number | undefined;
  unit: 'KB gzip' | 'ms';
  /** Inclusive upper bound; undefined for figures without a budget. */
  budget?: number;
  /** How it was measured, the spread of the rounds, or why it is missing. */
  note?: string;
}

export type Verdict = 'PASS' | 'OVER' | 'n/a' | 'FAILED';

export function verdict(row: Row): Verdict {
  if (row.value === undefined) return 'FAILED';
  if (row.budget === undefined) return 'n/a';
  return row.value <= row.budget ? 'PASS' : 'OVER';
}

function fmt(value: number | undefined, unit: Row['unit']): string {
  if (value === undefined) return '—';
  return unit === 'ms' ? value.toFixed(1) : value.toFixed(2);
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['Section', 'Figure', 'Value', 'Unit', 'Budget', 'Verdict', 'Notes'];
  const body = rows.map((r) => [
    r.section,
    r.name,
    fmt(r.value, r.unit),
    r.unit,
    r.budget === undefined ? '' : `≤ ${r.budget}`,
    verdict(r),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** A row that needs a budget and either missed it or could not be measured. */
export function failsCheck(row: Row): boolean {
  const v = verdict(row);
  return row.budget !== undefined && (v === 'OVER' || v === 'FAILED');
}
